// The live board: redraws from /board/api whenever the server says something changed (SSE),
// and every 5 s so times in state keep counting.
(function () {
  var root = document.getElementById("board");
  var center = root.dataset.center;
  var texts = root.dataset;
  var queueRows = document.getElementById("board-queue-rows");
  var agentRows = document.getElementById("board-agent-rows");
  var waitingRows = document.getElementById("board-waiting-rows");
  var updated = document.getElementById("board-updated");
  var pending = false;
  var errorBox = document.getElementById("board-error");
  var zone = root.dataset.zone;
  var teamSelect = document.getElementById("board-team");
  var wallLink = document.getElementById("board-wall-link");
  var team = "";

  function cell(row, value, numeric) {
    var td = document.createElement("td");
    if (numeric) { td.className = "number"; }
    td.textContent = value;
    row.appendChild(td);
    return td;
  }

  function stateText(state) { return texts["textState" + state.charAt(0) + state.slice(1).toLowerCase()] || state; }

  function duration(seconds) { return window.centerTime.duration(seconds); }

  // Colour is never the only signal: a figure past the center's threshold also says so in words.
  function level(td, value) {
    td.classList.add("level-" + value.toLowerCase());
    if (value !== "OK") {
      var tag = document.createElement("span");
      tag.className = "level-tag";
      tag.textContent = (value === "ALERT" ? "■ " + texts.textLevelAlert : "▲ " + texts.textLevelWarn);
      td.append(" ", tag);
    }
    return td;
  }

  function render(board) {
    if (document.documentElement.lang === "en") {
      board.queues.forEach(function (q) { if (q.nameEnglish) { q.name = q.nameEnglish; } });
    }
    queueRows.replaceChildren();
    board.queues.forEach(function (q) {
      var row = document.createElement("tr");
      row.dataset.queue = q.code;
      cell(row, q.name);
      var waitingCell = cell(row, q.waiting, true);
      waitingCell.dataset.test = "waiting";
      var waitingNumber = document.createElement("span");
      waitingNumber.dataset.test = "waiting-count";
      waitingCell.replaceChildren(waitingNumber);
      waitingNumber.textContent = q.waiting;
      level(waitingCell, q.waitingLevel);
      level(cell(row, duration(q.longestWaitSeconds), true), q.longestWaitLevel);
      cell(row, q.offered, true);
      cell(row, q.answered, true).dataset.test = "answered";
      cell(row, q.abandoned, true);
      var sl = cell(row, q.serviceLevel === null ? texts.textNone : (q.serviceLevel * 100).toFixed(1) + "% / " + q.targetPercent + "%", true);
      sl.dataset.test = "service-level";
      level(sl, q.serviceLevelLevel);
      cell(row, q.averageSpeedOfAnswerSeconds === null ? texts.textNone : q.averageSpeedOfAnswerSeconds.toFixed(1), true);
      queueRows.appendChild(row);
    });
    var names = {};
    board.queues.forEach(function (q) { names[q.code] = q.name; });
    waitingRows.replaceChildren();
    board.waiting.forEach(function (w) {
      var row = document.createElement("tr");
      row.dataset.contact = w.contact;
      cell(row, names[w.queue] || w.queue);
      cell(row, duration(w.waitSeconds), true);
      cell(row, w.lane ? texts["textLane" + w.lane.charAt(0) + w.lane.slice(1).toLowerCase()] || w.lane : texts.textLaneNone);
      var actions = cell(row, "");
      actions.className = "row-actions";
      if (root.dataset.canForce === "true") {
        var select = document.createElement("select");
        select.setAttribute("aria-label", texts.textMoveTo);
        board.queues.forEach(function (q) {
          if (q.code === w.queue) { return; }
          var option = document.createElement("option");
          option.value = q.code;
          option.textContent = q.name;
          select.appendChild(option);
        });
        var move = document.createElement("button");
        move.type = "button";
        move.className = "link";
        move.textContent = texts.textMove;
        move.addEventListener("click", function () { moveContact(w.contact, select.value); });
        actions.appendChild(select);
        actions.appendChild(move);
      }
      waitingRows.appendChild(row);
    });
    if (!board.waiting.length) {
      var none = document.createElement("tr");
      var td = cell(none, texts.textNoWaiting);
      td.colSpan = 4;
      waitingRows.appendChild(none);
    }
    agentRows.replaceChildren();
    board.agents.forEach(function (a) {
      var row = document.createElement("tr");
      row.dataset.agent = a.username;
      if (window.boardAlerted && window.boardAlerted(a.username)) { row.classList.add("alerted"); }
      cell(row, a.name + " (" + a.username + ")");
      var state = cell(row, stateText(a.state) + (a.notReadyLabel ? " · " + a.notReadyLabel : ""));
      state.dataset.state = a.state;
      cell(row, duration(a.secondsInState), true);
      cell(row, a.contacts, true);
      var actions = cell(row, "");
      actions.className = "row-actions";
      if (root.dataset.canForce === "true" && a.state !== "NOT_READY" && a.state !== "OFFLINE") {
        actions.appendChild(forceButton(texts.textForce, a.username, "not-ready"));
      }
      if (root.dataset.canForce === "true" && a.state !== "OFFLINE") {
        actions.appendChild(forceButton(texts.textForceLogOut, a.username, "log-out"));
      }
      agentRows.appendChild(row);
    });
    // In the page's language, not the browser's: an English page said "오후 2:28:28".
    // In the center's time zone (the browser's may differ) and the page's language.
    updated.textContent = window.centerTime.time(board.at, board.zone || zone);
    if (typeof echarts !== "undefined") {
      var stateNode = document.getElementById("board-state-chart");
      var byState = Object.keys(board.agentsByState).map(function (s) { return { name: stateText(s), value: board.agentsByState[s] }; });
      var counts = {};
      byState.forEach(function (d) { counts[d.name] = d.value; });
      // Colours alone said nothing: the legend names each state with its count, in the page's language,
      // and the same words are the chart's accessible name.
      stateNode.setAttribute("aria-label", stateNode.dataset.title + ": "
          + byState.map(function (d) { return d.name + " " + d.value; }).join(", "));
      chart("board-state-chart").setOption({
        animation: false, tooltip: { renderMode: "richText" },
        legend: { top: 0, formatter: function (name) { return name + " " + counts[name]; } },
        series: [{ type: "pie", radius: ["36%", "64%"], center: ["50%", "58%"], label: { formatter: "{c}" }, data: byState }]
      });
      // Queue names lie flat; when many queues share the width a name wraps instead of tilting.
      var slNode = document.getElementById("board-sl-chart");
      var labelWidth = Math.max(48, Math.floor((slNode.clientWidth - 60) / Math.max(1, board.queues.length)) - 8);
      chart("board-sl-chart").setOption({
        animation: false, tooltip: { trigger: "axis", renderMode: "richText" }, grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
        xAxis: { type: "category", data: board.queues.map(function (q) { return q.name; }),
                 axisLabel: { interval: 0, rotate: 0, width: labelWidth, overflow: "break" } },
        yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        series: [
          { name: texts.textSl, type: "bar", data: board.queues.map(function (q) { return q.serviceLevel === null ? null : +(q.serviceLevel * 100).toFixed(1); }) },
          { name: texts.textTarget, type: "scatter", symbol: "rect", symbolSize: [24, 3], data: board.queues.map(function (q) { return q.targetPercent; }) }
        ]
      });
    }
    intervalChart(board);
  }

  // Today's half hours: from the first with contacts (or the last four hours before any), with the
  // center's warning and alert thresholds as lines.
  function intervalChart(board) {
    var node = document.getElementById("board-interval-chart");
    if (!node || typeof echarts === "undefined") { return; }
    var rows = board.intervals;
    var first = rows.findIndex(function (r) { return r.decided > 0; });
    rows = rows.slice(first < 0 ? Math.max(0, rows.length - 8) : first);
    var values = rows.map(function (r) { return r.serviceLevel === null ? null : +(r.serviceLevel * 100).toFixed(1); });
    node.setAttribute("aria-label", node.dataset.title + ": " + rows.map(function (r, i) {
      return r.label + " " + (values[i] === null ? texts.textNone : values[i] + "%");
    }).join(", "));
    chart(node.id).setOption({
      animation: false, tooltip: { trigger: "axis", renderMode: "richText" },
      grid: { left: 8, right: 80, top: 24, bottom: 8, containLabel: true },
      xAxis: { type: "category", data: rows.map(function (r) { return r.label; }) },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
      series: [{
        name: texts.textSl, type: "bar", data: values, barMaxWidth: 48,
        markLine: { silent: true, symbol: "none", data: [
          { yAxis: board.thresholds.serviceLevelWarn, name: texts.textLevelWarn, lineStyle: { color: "#8a5a00", type: "dashed" }, label: { formatter: texts.textLevelWarn + " {c}%" } },
          { yAxis: board.thresholds.serviceLevelAlert, name: texts.textLevelAlert, lineStyle: { color: "#b00020" }, label: { formatter: texts.textLevelAlert + " {c}%" } }
        ] }
      }]
    }, true);
  }

  function forceButton(text, agent, state) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "link";
    button.textContent = text;
    button.addEventListener("click", function () { force(agent, state); });
    return button;
  }

  // state: "not-ready" or "log-out"; a refusal (the agent still has chats) is shown as the server words it.
  function force(agent, state) {
    // Accept: a refusal comes as problem details, not as the error page a browser gets.
    var headers = { "Accept": "application/json" };
    headers[document.querySelector("meta[name='_csrf_header']").content] = document.querySelector("meta[name='_csrf']").content;
    fetch("/board/api/agents/" + encodeURIComponent(agent) + "/" + state + "?center=" + center, { method: "POST", headers: headers })
      .then(function (response) {
        if (response.ok) { errorBox.hidden = true; setTimeout(refresh, 150); return; }
        return response.json().then(function (problem) { errorBox.textContent = problem.detail; errorBox.hidden = false; });
      });
  }

  function moveContact(contact, queue) {
    var headers = { "Content-Type": "application/json", "Accept": "application/json" };
    headers[document.querySelector("meta[name='_csrf_header']").content] = document.querySelector("meta[name='_csrf']").content;
    fetch("/board/api/contacts/" + encodeURIComponent(contact) + "/move?center=" + center,
          { method: "POST", headers: headers, body: JSON.stringify({ queue: queue }) })
      .then(function (response) {
        if (response.ok) { errorBox.hidden = true; return; }
        return response.json().then(function (problem) { errorBox.textContent = problem.detail; errorBox.hidden = false; });
      })
      .finally(function () { setTimeout(refresh, 150); });
  }

  function chart(id) {
    var node = document.getElementById(id);
    return echarts.getInstanceByDom(node) || echarts.init(node, null, { renderer: "svg" });
  }

  function refresh() {
    if (pending) { return; }
    pending = true;
    fetch("/board/api?center=" + center + (team ? "&team=" + encodeURIComponent(team) : ""))
      .then(function (r) { return r.json(); }).then(render)
      .finally(function () { pending = false; });
  }

  if (teamSelect) {
    teamSelect.addEventListener("change", function () {
      team = teamSelect.value;
      wallLink.href = "/board/wall?center=" + center + (team ? "&team=" + encodeURIComponent(team) : "");
      refresh();
    });
  }

  refresh();
  var stream = window.boardStream = new EventSource("/board/api/stream?center=" + center);
  stream.addEventListener("changed", function () { setTimeout(refresh, 150); });
  setInterval(refresh, 5000);
})();
