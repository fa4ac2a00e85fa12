// Protection alerts on the live board: a flagged customer message or a contact ended for abuse
// arrives on the board's stream as an "alert" event; the agent's row is marked, and a supervisor
// can give the agent a longer recovery break. Each alert opens its chat (sit-in) or the incident
// list, and a supervisor acknowledges it: it then leaves every board of the center ("alert-acknowledged").
(function () {
  var root = document.getElementById("board");
  var list = document.getElementById("board-alerts");
  if (!root || !list) { return; }
  var center = root.dataset.center;
  var texts = root.dataset;
  var alerted = {};
  var zone = root.dataset.zone;

  window.boardAlerted = function (agent) { return !!alerted[agent]; };

  function csrfHeaders() {
    var headers = { "Accept": "application/json" };
    headers[document.querySelector("meta[name='_csrf_header']").content] = document.querySelector("meta[name='_csrf']").content;
    return headers;
  }

  function link(text, href, test) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    a.dataset.test = test;
    return a;
  }

  function acknowledge(alert, result) {
    var headers = csrfHeaders();
    headers["Content-Type"] = "application/json";
    fetch("/board/api/alerts/acknowledgements?center=" + center, { method: "POST", headers: headers,
      body: JSON.stringify({ conversation: alert.conversation, reason: alert.reason, at: alert.at }) })
      .then(function (r) {
        if (r.ok) { return r.json().then(acknowledged); }
        return r.json().then(function (p) { result.textContent = p.detail || texts.textAcknowledgeFailed; });
      })
      .catch(function () { result.textContent = texts.textAcknowledgeFailed; });
  }

  // Every alert of that chat and kind up to the acknowledged one leaves the list, on every board of the center.
  function acknowledged(done) {
    var upTo = Date.parse(done.upTo);
    list.querySelectorAll("li[data-conversation]").forEach(function (item) {
      if (item.dataset.conversation === done.conversation && item.dataset.reason === done.reason
          && Math.floor(Date.parse(item.dataset.at)) <= upTo) {
        item.remove();
      }
    });
    alerted = {};
    list.querySelectorAll("li[data-agent]").forEach(function (item) { if (item.dataset.agent) { alerted[item.dataset.agent] = true; } });
    document.querySelectorAll("#board-agent-rows tr.alerted").forEach(function (row) {
      if (!alerted[row.dataset.agent]) { row.classList.remove("alerted"); }
    });
    if (!list.querySelector("li[data-conversation]") && !document.getElementById("board-alerts-none")) {
      var none = document.createElement("li");
      none.id = "board-alerts-none";
      none.className = "empty";
      none.textContent = list.dataset.none;
      list.append(none);
    }
  }

  function markRow(agent) {
    var row = document.querySelector("#board-agent-rows tr[data-agent='" + CSS.escape(agent) + "']");
    if (row) { row.classList.add("alerted"); }
  }

  function categoryText(c) { return texts["textCategory" + c.split("_").map(function (p) { return p.charAt(0) + p.slice(1).toLowerCase(); }).join("")] || c; }

  function extend(agent, result) {
    var headers = csrfHeaders();
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
    item.dataset.at = alert.at;
    var time = document.createElement("time");
    time.dateTime = alert.at;
    time.textContent = window.centerTime.time(alert.at, zone);
    var what = document.createElement("strong");
    what.textContent = alert.reason === "ENDED_FOR_ABUSE" ? texts.textAlertEnded : texts.textAlertFlagged;
    var who = document.createElement("span");
    who.textContent = alert.agent ? alert.agentName + " (" + alert.agent + ")" : texts.textAlertWaiting;
    var why = document.createElement("span");
    why.textContent = alert.categories.map(categoryText).join(", ");
    item.append(time, what, who, why);
    // A flagged message: the chat may still be going on, so the supervisor sits in. An ended chat: its incident.
    if (alert.reason === "MESSAGE_FLAGGED" && root.dataset.canMonitor === "true") {
      item.append(link(texts.textOpenChat, "/monitor/" + encodeURIComponent(alert.conversation), "alert-open-chat"));
    }
    if (alert.reason === "ENDED_FOR_ABUSE" && root.dataset.canSeeIncidents === "true") {
      item.append(link(texts.textOpenIncident, "/incidents#incident-" + encodeURIComponent(alert.conversation), "alert-open-incident"));
    }
    // One status per alert, for whichever action the supervisor took last.
    var outcome = document.createElement("span");
    outcome.className = "alert-result";
    outcome.setAttribute("role", "status");
    if (root.dataset.canForce === "true") {
      var ack = document.createElement("button");
      ack.type = "button";
      ack.className = "secondary";
      ack.dataset.test = "alert-acknowledge";
      ack.textContent = texts.textAcknowledge;
      ack.addEventListener("click", function () { acknowledge(alert, outcome); });
      item.append(ack);
    }
    if (root.dataset.canForce === "true" && alert.agent) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "secondary";
      button.textContent = texts.textExtend;
      button.addEventListener("click", function () { extend(alert.agent, outcome); });
      item.append(button);
    }
    item.append(outcome);
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
  stream.addEventListener("alert-acknowledged", function (event) { acknowledged(JSON.parse(event.data)); });
})();
