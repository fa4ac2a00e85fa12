// Protection alerts on the live board: a flagged customer message or a contact ended for abuse
// arrives on the board's stream as an "alert" event; the agent's row is marked, and a supervisor
// can give the agent a longer recovery break.
(function () {
  var root = document.getElementById("board");
  var list = document.getElementById("board-alerts");
  if (!root || !list) { return; }
  var center = root.dataset.center;
  var texts = root.dataset;
  var alerted = {};

  window.boardAlerted = function (agent) { return !!alerted[agent]; };

  function markRow(agent) {
    var row = document.querySelector("#board-agent-rows tr[data-agent='" + CSS.escape(agent) + "']");
    if (row) { row.classList.add("alerted"); }
  }

  function categoryText(c) { return texts["textCategory" + c.split("_").map(function (p) { return p.charAt(0) + p.slice(1).toLowerCase(); }).join("")] || c; }

  function extend(agent, result) {
    var headers = {};
    headers[document.querySelector("meta[name='_csrf_header']").content] = document.querySelector("meta[name='_csrf']").content;
    headers["Accept"] = "application/json";
    fetch("/board/api/agents/" + encodeURIComponent(agent) + "/extend-recovery?center=" + center + "&minutes=10",
          { method: "POST", headers: headers })
      .then(function (r) {
        if (r.ok) { result.textContent = texts.textExtended; return; }
        return r.json().then(function (p) { result.textContent = p.detail || texts.textExtendFailed; });
      })
      .catch(function () { result.textContent = texts.textExtendFailed; });
  }

  function show(alert) {
    var empty = document.getElementById("board-alerts-none");
    if (empty) { empty.remove(); }
    var item = document.createElement("li");
    item.dataset.agent = alert.agent;
    item.dataset.reason = alert.reason;
    item.dataset.conversation = alert.conversation;
    var time = document.createElement("time");
    time.dateTime = alert.at;
    time.textContent = new Date(alert.at).toLocaleTimeString(document.documentElement.lang || undefined);
    var what = document.createElement("strong");
    what.textContent = alert.reason === "ENDED_FOR_ABUSE" ? texts.textAlertEnded : texts.textAlertFlagged;
    var who = document.createElement("span");
    who.textContent = alert.agent ? alert.agentName + " (" + alert.agent + ")" : texts.textAlertWaiting;
    var why = document.createElement("span");
    why.textContent = alert.categories.map(categoryText).join(", ");
    item.append(time, what, who, why);
    if (root.dataset.canForce === "true" && alert.agent) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = texts.textExtend;
      var result = document.createElement("span");
      result.className = "alert-result";
      result.setAttribute("role", "status");
      button.addEventListener("click", function () { extend(alert.agent, result); });
      item.append(button, result);
    }
    list.prepend(item);
    while (list.children.length > 20) { list.lastElementChild.remove(); }
    if (alert.agent) {
      alerted[alert.agent] = true;
      markRow(alert.agent);
    }
  }

  fetch("/board/api/alerts?center=" + center).then(function (r) { return r.json(); })
    .then(function (alerts) { alerts.slice().reverse().forEach(show); });
  var stream = window.boardStream || new EventSource("/board/api/stream?center=" + center);
  stream.addEventListener("alert", function (event) { show(JSON.parse(event.data)); });
})();
