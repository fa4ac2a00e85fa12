// A live chat as a supervisor or an executive watches it: new messages arrive by the conversation's
// stream. A supervisor may step in (whisper, join, take over, then write and end); each call's
// answer changes the page here, since reloading the page would be a new opening in the access log.
(function () {
  var root = document.getElementById("monitor");
  var id = root.dataset.conversation;
  var log = document.getElementById("monitor-log");
  var status = document.getElementById("monitor-status");
  var seen = {};
  log.querySelectorAll("li[data-id]").forEach(function (item) { seen[item.dataset.id] = true; });

  var labels = {
    CUSTOMER: root.dataset.textCustomer,
    AGENT: root.dataset.textAgent,
    NOTE: root.dataset.textNote,
    WHISPER: root.dataset.textWhisper,
    SUPERVISOR: root.dataset.textSupervisor
  };

  function show(message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    var item = document.createElement("li");
    item.className = "from-" + message.sender.toLowerCase();
    item.dataset.id = message.id;
    var who = document.createElement("span");
    who.className = "who";
    who.textContent = labels[message.sender] || root.dataset.textSystem;
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
    if (JSON.parse(event.data).status === "ENDED") { ended(); stream.close(); }
  });
  stream.onerror = function () {
    fetch("/monitor/" + id + "/messages").then(function (r) { return r.json(); }).then(function (all) { all.forEach(show); });
  };

  // Taken over here or before this page opened: the chat is this supervisor's to record once it ends.
  var tookOver = root.dataset.tookOver === "true";

  function ended() {
    status.textContent = root.dataset.textEnded;
    document.querySelectorAll("#supervisor-say, [data-test=intervene] form, #intervene-actions").forEach(function (part) {
      part.hidden = true;
    });
    var record = document.getElementById("supervisor-record");
    if (record && tookOver) { record.hidden = false; record.querySelector("select").focus(); }
  }

  var panel = document.querySelector("[data-test=intervene]");
  if (!panel) { return; }
  var csrfToken = document.querySelector("meta[name='_csrf']").content;
  var csrfHeader = document.querySelector("meta[name='_csrf_header']").content;
  var errorBox = document.getElementById("intervene-error");
  var state = document.getElementById("intervene-state");
  var say = document.getElementById("supervisor-say");
  var whisper = document.getElementById("whisper");
  var actions = document.getElementById("intervene-actions");
  var interventions = panel.querySelector("[data-test=intervention-log]");

  function post(path, body) {
    var headers = { "Content-Type": "application/json" };
    headers[csrfHeader] = csrfToken;
    return fetch("/monitor/" + id + "/" + path, { method: "POST", headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        if (response.ok) {
          errorBox.hidden = true;
          return response.status === 204 ? {} : response.json();
        }
        return response.json().then(function (problem) { throw new Error(problem.detail); });
      })
      .catch(function (error) { errorBox.textContent = error.message; errorBox.hidden = false; return null; });
  }

  // What was done is added to the log as the server wrote it (same words, now, by me).
  function logged(kind) {
    var empty = interventions.querySelector(".empty");
    if (empty) { empty.remove(); }
    var item = document.createElement("li");
    var time = document.createElement("time");
    // In the center's time zone, as the server writes the rows it renders.
    time.textContent = new Intl.DateTimeFormat("en-GB", {
      timeZone: root.dataset.timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23"
    }).format(new Date());
    item.appendChild(time);
    item.appendChild(document.createTextNode(" " + panel.dataset["log" + kind] + " · " + root.dataset.me));
    interventions.appendChild(item);
  }

  function showState(text) {
    state.textContent = text;
    state.hidden = false;
  }

  whisper.addEventListener("submit", function (event) {
    event.preventDefault();
    var box = whisper.querySelector("textarea");
    post("whisper", { text: box.value }).then(function (message) {
      if (message) { show(message); box.value = ""; logged("Whisper"); }
    });
  });

  panel.querySelector("[data-intervene=barge-in]").addEventListener("click", function (event) {
    var button = event.currentTarget;
    post("barge-in").then(function (notice) {
      if (notice) { show(notice); button.hidden = true; say.hidden = false; showState(root.dataset.textJoined); logged("BargeIn"); }
    });
  });

  panel.querySelector("[data-intervene=take-over]").addEventListener("click", function () {
    if (!window.confirm(root.dataset.textConfirm)) { return; }
    post("take-over").then(function (notice) {
      if (!notice) { return; }
      show(notice);
      actions.hidden = true;
      whisper.hidden = true;
      say.hidden = false;
      document.getElementById("supervisor-end").hidden = false;
      tookOver = true;
      showState(root.dataset.textTookOver);
      logged("TakeOver");
    });
  });

  say.addEventListener("submit", function (event) {
    event.preventDefault();
    var box = say.querySelector("textarea");
    post("messages", { text: box.value }).then(function (message) {
      if (message) { show(message); box.value = ""; }
    });
  });
  say.querySelector("textarea").addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); say.requestSubmit(); }
  });

  document.getElementById("supervisor-end").addEventListener("click", function () {
    post("end").then(function (done) { if (done) { logged("End"); ended(); } });
  });
})();
