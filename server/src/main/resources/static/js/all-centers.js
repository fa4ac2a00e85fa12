// All centers at once, for headquarters: each row filled from /board/api/all every 5 s, coloured and
// labelled by that center's own thresholds; the time is each center's own.
(function () {
  var root = document.getElementById("all-centers");
  var texts = root.dataset;
  var figures = {};

  function put(row, field, text, level) {
    var td = row.querySelector("[data-field='" + field + "']");
    td.textContent = text;
    td.classList.remove("level-warn", "level-alert");
    if (level && level !== "OK") {
      td.classList.add("level-" + level.toLowerCase());
      var tag = document.createElement("span");
      tag.className = "level-tag";
      tag.textContent = level === "ALERT" ? "■ " + texts.textLevelAlert : "▲ " + texts.textLevelWarn;
      td.append(" ", tag);
    }
  }

  function render(list) {
    list.forEach(function (c) {
      var row = root.querySelector("tr[data-center='" + c.center + "']");
      if (!row) { return; }
      figures[c.center] = c;
      put(row, "waiting", c.waiting, c.waitingLevel);
      put(row, "longest", window.centerTime.duration(c.longestWaitSeconds), c.longestWaitLevel);
      put(row, "service-level", c.serviceLevel === null ? texts.textNone : (c.serviceLevel * 100).toFixed(1) + "%", c.serviceLevelLevel);
      ["AVAILABLE", "BUSY", "WRAP_UP", "NOT_READY", "RECOVERY"].forEach(function (state) {
        put(row, state, c.agentsByState[state] || 0);
      });
    });
  }

  function clocks() {
    root.querySelectorAll("tr[data-zone]").forEach(function (row) {
      row.querySelector("[data-field=time]").textContent = window.centerTime.minutes(Date.now(), row.dataset.zone);
    });
  }

  function refresh() {
    fetch("/board/api/all").then(function (r) { return r.json(); }).then(render);
  }
  refresh();
  clocks();
  setInterval(refresh, 5000);
  setInterval(clocks, 15000);
})();
