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

// Durations and answer waits count on between reads: each from its stored start, coloured by the
// center's thresholds as the server coloured it.
(function () {
  function clock(seconds) {
    var s = Math.max(0, seconds);
    var m = Math.floor(s / 60);
    return m >= 60
      ? Math.floor(m / 60) + ":" + String(m % 60).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0")
      : m + ":" + String(s % 60).padStart(2, "0");
  }
  function since(element) { return Math.floor((Date.now() - Date.parse(element.dataset.since)) / 1000); }
  setInterval(function () {
    document.querySelectorAll("[data-test=live-conversations] td.duration[data-since]").forEach(function (cell) {
      cell.textContent = clock(since(cell));
    });
    document.querySelectorAll("[data-test=live-conversations] .answer-wait[data-since]").forEach(function (chip) {
      var waited = since(chip);
      var level = waited >= Number(chip.dataset.alert) ? "alert" : waited >= Number(chip.dataset.warn) ? "warn" : "none";
      chip.querySelector(".waited").textContent = clock(waited);
      chip.classList.remove("none", "warn", "alert");
      chip.classList.add(level);
      var row = chip.closest("tr");
      row.classList.toggle("answer-warn", level === "warn");
      row.classList.toggle("answer-alert", level === "alert");
    });
  }, 1000);
})();
