// The list of chats in progress keeps itself current: the server tells it when one of the center's
// chats is connected, moves on or ends, and the page reads its rows again (a burst of changes
// makes one read). After a dropped stream it reads them once it is back, for what it missed.
(function () {
  var body = document.querySelector("[data-test=live-conversations] tbody");
  if (!body) { return; }
  var pending = null;
  function refresh() {
    if (pending) { return; }
    pending = setTimeout(function () {
      pending = null;
      fetch(location.href, { headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          if (!html) { return; }
          var fresh = new DOMParser().parseFromString(html, "text/html").querySelector("[data-test=live-conversations] tbody");
          if (fresh) { body.replaceWith(fresh); body = fresh; }
        })
        .catch(function () { /* the next change tries again */ });
    }, 300);
  }
  var stream = new EventSource("/monitor/stream" + location.search);
  var opened = false;
  stream.addEventListener("open", function () { if (opened) { refresh(); } opened = true; });
  stream.addEventListener("changed", refresh);
})();
