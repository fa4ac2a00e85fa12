// Read-only view of a live chat: new messages arrive by the conversation's stream; nothing can be sent.
(function () {
  var root = document.getElementById("monitor");
  var id = root.dataset.conversation;
  var log = document.getElementById("monitor-log");
  var status = document.getElementById("monitor-status");
  var seen = {};
  log.querySelectorAll("li[data-id]").forEach(function (item) { seen[item.dataset.id] = true; });

  function show(message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    var item = document.createElement("li");
    item.className = "from-" + message.sender.toLowerCase();
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = message.sender === "CUSTOMER" ? root.dataset.textCustomer
      : message.sender === "AGENT" ? root.dataset.textAgent
      : message.sender === "NOTE" ? root.dataset.textNote : root.dataset.textSystem;
    var text = document.createElement("span");
    text.className = "text";
    text.textContent = message.body;
    item.appendChild(who);
    item.appendChild(text);
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  var stream = new EventSource("/monitor/" + id + "/stream");
  stream.addEventListener("message", function (event) { show(JSON.parse(event.data)); });
  stream.addEventListener("status", function (event) {
    if (JSON.parse(event.data).status === "ENDED") { status.textContent = root.dataset.textEnded; stream.close(); }
  });
  stream.onerror = function () {
    fetch("/monitor/" + id + "/messages").then(function (r) { return r.json(); }).then(function (all) { all.forEach(show); });
  };
})();
