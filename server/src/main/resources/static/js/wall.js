// The wallboard: the live board's figures in large type, redrawn when the server says something
// changed (SSE) and every 5 s; the clock and the longest waits tick every second between those.
(function () {
  var root = document.getElementById("wall");
  var texts = root.dataset;
  var center = root.dataset.center;
  var team = root.dataset.team || "";
  var zone = root.dataset.zone;
  var queueRows = document.getElementById("wall-queue-rows");
  var states = document.getElementById("wall-states");
  var reasons = document.getElementById("wall-reasons");
  var clock = document.getElementById("wall-clock");
  var updated = document.getElementById("wall-updated");
  var shown = null;        // the last board, with the moment it arrived, for the ticking waits
  var arrived = 0;
  var skew = 0;            // server clock minus this screen's, so the clock shows the server's time
  var pending = false;
  var STATES = ["AVAILABLE", "BUSY", "RESERVED", "WRAP_UP", "NOT_READY", "RECOVERY"];

  function stateText(state) { return texts["textState" + state.charAt(0) + state.slice(1).toLowerCase()] || state; }

  function level(td, value) {
    td.classList.add("level-" + value.toLowerCase());
    if (value !== "OK") {
      var tag = document.createElement("span");
      tag.className = "level-tag";
      tag.textContent = value === "ALERT" ? "■ " + texts.textLevelAlert : "▲ " + texts.textLevelWarn;
      td.append(tag);
    }
  }

  function cell(row, text, numeric) {
    var td = document.createElement("td");
    if (numeric) { td.className = "number"; }
    var value = document.createElement("span");
    value.className = "value";
    value.textContent = text;
    td.append(value);
    row.append(td);
    return td;
  }

  function render(board) {
    shown = board;
    arrived = Date.now();
    skew = Date.parse(board.at) - arrived;
    var english = document.documentElement.lang === "en";
    queueRows.replaceChildren();
    board.queues.forEach(function (q) {
      var row = document.createElement("tr");
      row.dataset.queue = q.code;
      cell(row, english && q.nameEnglish ? q.nameEnglish : q.name);
      var waiting = cell(row, q.waiting, true);
      waiting.dataset.test = "wall-waiting";
      level(waiting, q.waitingLevel);
      var longest = cell(row, window.centerTime.duration(q.longestWaitSeconds), true);
      longest.dataset.longest = q.longestWaitSeconds;
      longest.dataset.waiting = q.waiting;
      level(longest, q.longestWaitLevel);
      var sl = cell(row, q.serviceLevel === null ? texts.textNone : (q.serviceLevel * 100).toFixed(1) + "%", true);
      sl.dataset.test = "wall-service-level";
      var target = document.createElement("span");
      target.className = "target";
      target.textContent = " / " + q.targetPercent + "%";
      sl.append(target);
      level(sl, q.serviceLevelLevel);
      queueRows.append(row);
    });
    states.replaceChildren();
    STATES.forEach(function (state) {
      var box = document.createElement("div");
      box.dataset.state = state;
      var dt = document.createElement("dt");
      dt.textContent = stateText(state);
      var dd = document.createElement("dd");
      dd.textContent = board.agentsByState[state] || 0;
      box.append(dt, dd);
      states.append(box);
    });
    reasons.replaceChildren();
    var names = Object.keys(board.notReadyByReason);
    if (!names.length) {
      var none = document.createElement("li");
      none.textContent = texts.textNoNotReady;
      reasons.append(none);
    }
    names.forEach(function (name) {
      var item = document.createElement("li");
      var count = document.createElement("strong");
      count.textContent = board.notReadyByReason[name];
      item.append(name, count);
      reasons.append(item);
    });
    updated.textContent = window.centerTime.time(board.at, zone);
    chart(board);
  }

  function chart(board) {
    var node = document.getElementById("wall-interval-chart");
    if (typeof echarts === "undefined") { return; }
    var rows = board.intervals;
    var first = rows.findIndex(function (r) { return r.decided > 0; });
    rows = rows.slice(first < 0 ? Math.max(0, rows.length - 8) : first);
    var values = rows.map(function (r) { return r.serviceLevel === null ? null : +(r.serviceLevel * 100).toFixed(1); });
    node.setAttribute("aria-label", node.dataset.title + ": " + rows.map(function (r, i) {
      return r.label + " " + (values[i] === null ? texts.textNone : values[i] + "%");
    }).join(", "));
    var size = Math.round(window.innerHeight / 55);
    var instance = echarts.getInstanceByDom(node) || echarts.init(node, null, { renderer: "svg" });
    instance.setOption({
      animation: false, textStyle: { color: "#f4f6fa", fontSize: size },
      grid: { left: 8, right: size * 6, top: size, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: rows.map(function (r) { return r.label; }),
               axisLabel: { color: "#dbe3ef", fontSize: size }, axisLine: { lineStyle: { color: "#5b6b82" } } },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { color: "#dbe3ef", fontSize: size, formatter: "{value}%" },
               splitLine: { lineStyle: { color: "#2a3646" } } },
      series: [{
        name: texts.textSl, type: "bar", data: values, barMaxWidth: 96, itemStyle: { color: "#5aa9ff" },
        label: { show: rows.length <= 16, position: "top", color: "#f4f6fa", fontSize: size, formatter: "{c}%" },
        markLine: { silent: true, symbol: "none", data: [
          { yAxis: board.thresholds.serviceLevelWarn, lineStyle: { color: "#ffd166", type: "dashed", width: 2 },
            label: { color: "#ffd166", fontSize: size, formatter: "▲ " + texts.textLevelWarn + " {c}%" } },
          { yAxis: board.thresholds.serviceLevelAlert, lineStyle: { color: "#ff6b6b", width: 2 },
            label: { color: "#ff8f8f", fontSize: size, formatter: "■ " + texts.textLevelAlert + " {c}%" } }
        ] }
      }]
    }, true);
    instance.resize();
  }

  // Between refreshes: the clock, and each queue's longest wait grows by the time passed.
  function tick() {
    var now = Date.now();
    clock.textContent = window.centerTime.time(now + skew, zone);
    if (!shown) { return; }
    var passed = Math.floor((now - arrived) / 1000);
    queueRows.querySelectorAll("td[data-longest]").forEach(function (td) {
      if (td.dataset.waiting !== "0") {
        td.querySelector(".value").textContent = window.centerTime.duration(+td.dataset.longest + passed);
      }
    });
  }

  function refresh() {
    if (pending) { return; }
    pending = true;
    fetch("/board/api?center=" + center + (team ? "&team=" + encodeURIComponent(team) : ""))
      .then(function (r) { return r.json(); }).then(render)
      .finally(function () { pending = false; });
  }

  refresh();
  tick();
  setInterval(tick, 1000);
  setInterval(refresh, 5000);
  var stream = new EventSource("/board/api/stream?center=" + center);
  stream.addEventListener("changed", function () { setTimeout(refresh, 150); });
  window.addEventListener("resize", function () { if (shown) { chart(shown); } });
})();
