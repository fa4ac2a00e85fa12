// The list of chats in progress keeps itself current: every 10 s it reads the page again and swaps
// in the new rows, so a supervisor sees a chat start or end without reloading.
(function () {
  var body = document.querySelector("[data-test=live-conversations] tbody");
  if (!body) { return; }
  setInterval(function () {
    if (document.hidden) { return; }
    fetch(location.href, { headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-test=live-conversations] tbody");
        if (fresh) { body.replaceWith(fresh); body = fresh; }
      })
      .catch(function () { /* the next round tries again */ });
  }, 10000);
})();
