// Sends the CSRF token with every htmx request, as forms do with their hidden field.
document.addEventListener("htmx:configRequest", function (event) {
  var token = document.querySelector("meta[name='_csrf']");
  var header = document.querySelector("meta[name='_csrf_header']");
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// Asks before irreversible actions; the question comes from the page, in the page's language.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
});

// Signing out leaves nothing of the work behind in this tab: the desk keeps record drafts (which may
// hold what a customer said) in sessionStorage until they are saved.
document.addEventListener("submit", function (event) {
  if (event.target.getAttribute("action") === "/logout") {
    try { sessionStorage.clear(); } catch (e) { /* storage off: nothing kept */ }
  }
});

// A choice that alone decides what the page shows (center, team, queue) reloads it at once. This
// stands for the inline onchange handlers pages once had, which the Content-Security-Policy refuses.
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.form && field.hasAttribute("data-submit-on-change")) {
    field.form.submit();
  }
});
