// Sangdam web chat widget. Embed with one tag:
//   <script src="https://your-sangdam/js/chat-widget.js" data-center="2" data-lang="ko" defer></script>
// The customer's conversation id and token live in localStorage, so a reload or a dropped
// connection brings the whole conversation back. Every message is stored by the server (masked)
// before it is acknowledged; the stream starts with where the chat stands and what was said, then
// brings each change.
(function () {
  var script = document.currentScript;
  var base = new URL(script.src).origin;
  var center = script.dataset.center;
  var lang = script.dataset.lang || "ko";
  var storageKey = "sangdam-chat-" + center;
  var texts = {};
  var state = JSON.parse(localStorage.getItem(storageKey) || "null");
  var source = null;
  var shownStatus = null;
  var checking = false;
  var seen = {};
  var messageInput = null;

  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function api(method, path, body) {
    return fetch(base + "/chat/api" + path, {
      method: method,
      headers: { "Content-Type": "application/json", "Accept-Language": lang },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().then(function (json) {
        if (!response.ok) { var failure = new Error(json.detail || texts.error); failure.status = response.status; throw failure; }
        return json;
      });
    });
  }

  var launcher = el("button", { type: "button", "class": "sangdam-chat-launcher", "aria-expanded": "false" });
  var panel = el("section", { "class": "sangdam-chat", role: "dialog", "aria-modal": "false", hidden: "" });
  var heading = el("h2", { id: "sangdam-chat-title" });
  var closeButton = el("button", { type: "button", "class": "sangdam-chat-close" });
  var status = el("p", { "class": "sangdam-chat-status", role: "status", "aria-live": "polite" });
  var log = el("ol", { "class": "sangdam-chat-log", "aria-live": "polite", "aria-relevant": "additions", "data-test": "chat-log" });
  var startForm = el("form", { "class": "sangdam-chat-start" });
  var sendForm = el("form", { "class": "sangdam-chat-send", hidden: "" });
  // Outside a topic's opening hours the customer leaves a message for a callback instead.
  var leaveForm = el("form", { "class": "sangdam-chat-leave", hidden: "", "data-test": "leave-message" });
  var closedNotice = el("p", { "class": "sangdam-chat-closed", "data-test": "closed" });
  var topics = {};
  var errorBox = el("p", { "class": "sangdam-chat-error", role: "alert", hidden: "" });
  var typingNote = el("p", { "class": "sangdam-chat-typing", hidden: "", "data-test": "typing" });
  var typingTimer = null;
  // Waiting with nobody logged in who can answer the topic: no time is promised; the customer may
  // leave a message (ending the chat) or keep waiting without an estimate.
  // Not a labelled group: its label would be the whole text, and "메시지" in it would name it like the message box.
  var nobody = el("div", { "class": "sangdam-chat-nobody", "aria-live": "polite", hidden: "", "data-test": "nobody-to-answer" });
  // After the end: the conversation as a file (by the chat's token, never by its id alone).
  var ending = el("div", { "class": "sangdam-chat-transcript", hidden: "", "data-test": "transcript" });
  var transcriptLink = el("a", { "data-test": "transcript-download", download: "" });
  var chosenTopic = null;
  var showHours = function () {};
  var finished = false;
  // The bot (issue 18): when the center turned it on, the start form leads to the bot first; the form's
  // answers wait in memory (never in localStorage: a phone number must not stay in the browser) until the
  // customer is handed to an agent, and the chat then starts with the bot's session attached.
  var botEnabled = false;
  var bot = null;
  var pending = null;
  var botForm = el("form", { "class": "sangdam-chat-bot", hidden: "", "data-test": "bot" });
  var botQuestion = null;
  panel.setAttribute("aria-labelledby", "sangdam-chat-title");

  function field(labelText, input) {
    var label = el("label");
    label.appendChild(el("span", {}, labelText));
    label.appendChild(input);
    return label;
  }

  function build() {
    launcher.textContent = texts.open;
    heading.textContent = texts.title;
    closeButton.textContent = texts.close;
    closeButton.setAttribute("aria-label", texts.close);
    var header = el("div", { "class": "sangdam-chat-header" });
    header.appendChild(heading);
    header.appendChild(closeButton);
    panel.appendChild(header);
    panel.appendChild(status);
    panel.appendChild(log);
    panel.appendChild(typingNote);
    panel.appendChild(errorBox);

    nobody.appendChild(el("p", {}, texts["nobody-to-answer"]));
    var nobodyButtons = el("div", { "class": "row" });
    var leaveInstead = el("button", { type: "button", "class": "primary", "data-test": "nobody-leave" }, texts["nobody-leave"]);
    var keepWaiting = el("button", { type: "button", "class": "secondary", "data-test": "nobody-wait" }, texts["nobody-wait"]);
    nobodyButtons.appendChild(leaveInstead);
    nobodyButtons.appendChild(keepWaiting);
    nobody.appendChild(nobodyButtons);
    panel.appendChild(nobody);
    keepWaiting.addEventListener("click", function () {
      state.keepWaiting = true;
      localStorage.setItem(storageKey, JSON.stringify(state));
      nobody.hidden = true;
      messageInput.focus();
    });
    // The chat ends (nobody would have answered it) and the message goes the callback way, on the same topic.
    leaveInstead.addEventListener("click", function () {
      var topicCode = state.topic;
      api("POST", "/conversations/" + state.conversation + "/end?token=" + encodeURIComponent(state.token)).then(function () {
        finish();
        // No agent ever answered: the message form, not a transcript, is what comes next.
        ending.hidden = true;
        if (topicCode && topics[topicCode]) { topic.value = topicCode; }
        chatFields.hidden = true;
        leaveForm.hidden = false;
        closedNotice.textContent = "";
        leaveForm.querySelector("input[name=name]").focus();
      }).catch(showError);
    });

    transcriptLink.textContent = texts.transcript;
    ending.appendChild(transcriptLink);
    ending.appendChild(el("p", { "class": "sangdam-chat-note" }, texts["transcript-email-later"]));
    panel.appendChild(ending);

    var topic = el("select", { name: "topic", required: "" });
    var lane = el("select", { name: "lane" });
    [["", texts["lane.none"]], ["SENIOR", texts["lane.senior"]], ["ACCESSIBILITY", texts["lane.accessibility"]]]
      .forEach(function (option) { lane.appendChild(el("option", { value: option[0] }, option[1])); });
    startForm.appendChild(field(texts.topic, topic));
    var chatFields = el("div", { "class": "sangdam-chat-fields" });
    chatFields.appendChild(field(texts.name, el("input", { name: "name", type: "text", maxlength: "50", autocomplete: "name" })));
    chatFields.appendChild(field(texts.phone, el("input", { name: "phone", type: "tel", maxlength: "20", autocomplete: "tel" })));
    chatFields.appendChild(field(texts.lane, lane));
    chatFields.appendChild(el("button", { type: "submit", "class": "primary" }, texts.start));
    startForm.appendChild(chatFields);
    panel.appendChild(startForm);

    leaveForm.appendChild(closedNotice);
    leaveForm.appendChild(el("p", {}, texts["leave-message"]));
    leaveForm.appendChild(field(texts["leave-name"], el("input", { name: "name", type: "text", maxlength: "50", autocomplete: "name", required: "" })));
    leaveForm.appendChild(field(texts["leave-phone"], el("input", { name: "phone", type: "tel", maxlength: "20", autocomplete: "tel", required: "" })));
    leaveForm.appendChild(field(texts["leave-text"], el("textarea", { name: "message", rows: "3", maxlength: "1000", required: "" })));
    var consent = el("label", { "class": "sangdam-chat-consent" });
    consent.appendChild(el("input", { name: "consent", type: "checkbox", required: "" }));
    consent.appendChild(el("span", {}, texts["leave-consent"]));
    leaveForm.appendChild(consent);
    leaveForm.appendChild(el("button", { type: "submit", "class": "primary" }, texts["leave-send"]));
    panel.appendChild(leaveForm);

    showHours = function () {
      var chosen = topics[topic.value];
      var closed = chosen && !chosen.open;
      chatFields.hidden = closed;
      leaveForm.hidden = !closed;
      closedNotice.textContent = closed ? texts.closed.replace("{0}", chosen.hours) : "";
    };
    topic.addEventListener("change", showHours);
    leaveForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(leaveForm);
      api("POST", "/left-messages", {
        center: Number(center), topic: topic.value, name: data.get("name"), phone: data.get("phone"),
        message: data.get("message"), consent: data.get("consent") === "on"
      }).then(function (left) {
        errorBox.hidden = true;
        startForm.hidden = true;
        leaveForm.hidden = true;
        leaveForm.reset();
        status.textContent = left.confirmation;
        // The form the focus was in is gone; closing the widget is what is left to do.
        closeButton.focus();
      }).catch(showError);
    });

    var input = messageInput = el("textarea", { name: "text", rows: "2", maxlength: "2000", required: "" });
    sendForm.appendChild(field(texts.message, input));
    var buttons = el("div", { "class": "row" });
    buttons.appendChild(el("button", { type: "submit", "class": "primary" }, texts.send));
    var leave = el("button", { type: "button", "class": "secondary" }, texts.leave);
    buttons.appendChild(leave);
    sendForm.appendChild(buttons);
    buildBot();
    panel.appendChild(botForm);
    panel.appendChild(sendForm);
    document.body.appendChild(launcher);
    document.body.appendChild(panel);

    api("GET", "/bot?center=" + center).then(function (answer) { botEnabled = answer.enabled; });
    api("GET", "/topics?center=" + center).then(function (list) {
      list.forEach(function (t) { topics[t.code] = t; topic.appendChild(el("option", { value: t.code }, t.name)); });
      showHours();
    });

    launcher.addEventListener("click", function () { toggle(true); });
    closeButton.addEventListener("click", function () { toggle(false); });
    panel.addEventListener("keydown", function (event) { if (event.key === "Escape") { toggle(false); } });
    startForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var data = new FormData(startForm);
      var chat = {
        center: Number(center), topic: data.get("topic"), name: data.get("name"), phone: data.get("phone"), lane: data.get("lane")
      };
      if (botEnabled) { askBotFirst(chat); } else { startChat(chat, false); }
    });
    sendForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = input.value;
      api("POST", "/conversations/" + state.conversation + "/messages?token=" + encodeURIComponent(state.token), { text: text })
        .then(function (message) { input.value = ""; show(message); input.focus(); })
        .catch(showError);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); sendForm.requestSubmit(); }
    });
    leave.addEventListener("click", function () {
      api("POST", "/conversations/" + state.conversation + "/end?token=" + encodeURIComponent(state.token)).then(finish);
    });
    if (state) { toggle(true); resume(); }
  }

  // keepLog: the chat comes from the bot, whose conversation stays on screen above the chat's.
  function startChat(chat, keepLog) {
    api("POST", "/conversations", chat).then(function (started) {
      if (!keepLog) { log.replaceChildren(); seen = {}; }
      state = started;
      state.topic = chat.topic;
      ending.hidden = true;
      localStorage.setItem(storageKey, JSON.stringify(state));
      resume(true);
    }).catch(function (error) {
      showError(error);
      // From the bot, the start form is gone: it comes back (the topic may have closed meanwhile).
      if (keepLog) { showHours(); startForm.hidden = false; firstControl().focus(); }
    });
  }

  function buildBot() {
    botQuestion = el("textarea", { name: "question", rows: "2", maxlength: "500", required: "" });
    botForm.appendChild(field(texts["bot.question"], botQuestion));
    var row = el("div", { "class": "row" });
    row.appendChild(el("button", { type: "submit", "class": "primary" }, texts["bot.ask"]));
    var agent = el("button", { type: "button", "class": "secondary", "data-test": "bot-agent" }, texts["bot.agent"]);
    var end = el("button", { type: "button", "class": "secondary", "data-test": "bot-end" }, texts["bot.end"]);
    row.appendChild(agent);
    row.appendChild(end);
    botForm.appendChild(row);
    botForm.addEventListener("submit", function (event) {
      event.preventDefault();
      var question = botQuestion.value;
      var asking = bot
        ? api("POST", "/bot/sessions/" + bot.session + "/questions?token=" + encodeURIComponent(bot.token), { question: question })
        : api("POST", "/bot/sessions", { center: Number(center), question: question });
      asking.then(function (asked) {
        errorBox.hidden = true;
        if (!bot) { bot = { session: asked.session, token: asked.token }; }
        botQuestion.value = "";
        said("customer", texts.you, question);
        botTurn(asked.turn);
      }).catch(showError);
    });
    botQuestion.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); botForm.requestSubmit(); }
    });
    // 상담사 연결, at any time: before a first question there is no session to attach.
    agent.addEventListener("click", function () {
      if (!bot) { handOver("ASKED"); return; }
      botCall("/handoff", undefined).then(function (answer) { handOver(answer.handoff); }).catch(showError);
    });
    end.addEventListener("click", function () {
      var ending = bot ? botCall("/end", undefined) : Promise.resolve();
      ending.then(function () {
        said("bot", texts.bot, texts["bot.thanks"]);
        bot = null;
        pending = null;
        botForm.hidden = true;
        startForm.reset();
        showHours();
        startForm.hidden = false;
        firstControl().focus();
      }).catch(showError);
    });
  }

  function askBotFirst(chat) {
    pending = chat;
    bot = null;
    log.replaceChildren();
    seen = {};
    ending.hidden = true;
    errorBox.hidden = true;
    startForm.hidden = true;
    botForm.hidden = false;
    said("bot", texts.bot, texts["bot.intro"]);
    botQuestion.focus();
  }

  function botCall(path, body) {
    return api("POST", "/bot/sessions/" + bot.session + path + (path.indexOf("?") < 0 ? "?" : "&") + "token="
      + encodeURIComponent(bot.token), body);
  }

  // A line in the log from the customer or the bot; returns it, for the bot's buttons.
  function said(from, who, text) {
    var item = el("li", { "class": "from-" + from, "data-test": "bot-" + from });
    item.appendChild(el("span", { "class": "who" }, who));
    if (text) { item.appendChild(el("span", { "class": "text" }, text)); }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }

  function botTurn(turn) {
    var item = said("bot", texts.bot);
    if (turn.kind === "ANSWER") {
      var answer = turn.answers[0];
      item.appendChild(el("strong", { "class": "sangdam-bot-title" }, answer.title));
      item.appendChild(el("span", { "class": "text" }, answer.passage));
      item.appendChild(buttonsOf(texts["bot.helpful"], [[texts["bot.yes"], "bot-yes"], [texts["bot.no"], "bot-no"]], function (i, row) {
        feedback(turn, i === 0, row);
      }));
    } else if (turn.kind === "CHOICE") {
      var options = turn.answers.map(function (a) { return [a.title, "bot-choice"]; });
      options.push([texts["bot.neither"], "bot-neither"]);
      item.appendChild(buttonsOf(texts["bot.choose"], options, function (i, row) {
        if (i < turn.answers.length) {
          botCall("/turns/" + turn.turn + "/choice", { article: turn.answers[i].id }).then(function (chosen) {
            row.remove();
            botTurn(chosen);
          }).catch(showError);
        } else {
          feedback(turn, false, row);
        }
      }));
    } else if (turn.kind === "NONE") {
      item.appendChild(el("span", { "class": "text" }, texts["bot.nothing"]));
    }
    if (turn.handoff) {
      if (turn.kind === "HANDOFF") { item.remove(); }
      handOver(turn.handoff);
    }
  }

  // A question and its buttons, as a group named by the question; the first button takes the focus.
  function buttonsOf(question, options, chosen) {
    var row = el("div", { "class": "sangdam-bot-buttons", role: "group" });
    var label = el("span", { id: "sangdam-bot-q-" + Math.random().toString(36).slice(2) }, question);
    row.setAttribute("aria-labelledby", label.id);
    row.appendChild(label);
    options.forEach(function (option, i) {
      var button = el("button", { type: "button", "class": "secondary", "data-test": option[1] }, option[0]);
      button.addEventListener("click", function () { chosen(i, row); });
      row.appendChild(button);
    });
    setTimeout(function () { var first = row.querySelector("button"); if (first) { first.focus(); } }, 0);
    return row;
  }

  function feedback(turn, helpful, row) {
    botCall("/turns/" + turn.turn + "/feedback", { helpful: helpful }).then(function (answer) {
      row.remove();
      said("customer", texts.you, helpful ? texts["bot.yes"] : texts["bot.no"]);
      if (answer.handoff) {
        handOver(answer.handoff);
      } else {
        said("bot", texts.bot, helpful ? texts["bot.glad"] : texts["bot.sorry"]);
        botQuestion.focus();
      }
    }).catch(showError);
  }

  // To routing, with the topic and details the customer gave before the bot, and the bot's session.
  function handOver(reason) {
    said("bot", texts.bot, texts["bot.handoff." + reason]);
    botForm.hidden = true;
    var chat = Object.assign({}, pending);
    if (bot) { chat.botSession = bot.session; chat.botToken = bot.token; }
    bot = null;
    pending = null;
    startChat(chat, true);
  }

  function toggle(open) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) { firstControl().focus(); } else { launcher.focus(); }
  }

  // The first field the customer can use now (a hidden form's fields cannot take the focus).
  function firstControl() {
    var fields = panel.querySelectorAll("form select, form input, form textarea, form button");
    for (var i = 0; i < fields.length; i++) {
      if (fields[i].offsetParent !== null) { return fields[i]; }
    }
    return closeButton;
  }

  function showError(error) {
    errorBox.textContent = error.message || texts.error;
    errorBox.hidden = false;
  }

  function show(message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    if (message.sender === "AGENT") { typing(false); }
    var who = message.sender === "CUSTOMER" ? texts.you : message.sender === "AGENT" ? texts.agent
      : message.sender === "SUPERVISOR" ? texts.supervisor : texts.system;
    var item = el("li", { "class": "from-" + message.sender.toLowerCase() });
    item.appendChild(el("span", { "class": "who" }, who));
    item.appendChild(el("span", { "class": "text" }, message.body));
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  // The agent's desk says so every few seconds while they type; without news it goes away.
  function typing(on) {
    clearTimeout(typingTimer);
    typingNote.textContent = on ? texts.typing : "";
    typingNote.hidden = !on;
    if (on) { typingTimer = setTimeout(function () { typing(false); }, 6000); }
  }

  function showStatus(view) {
    shownStatus = view.status;
    if (view.status === "WAITING") {
      // "0 ahead of you" reads as nothing; the first in line is told they are next.
      var next = view.ahead === 0;
      nobody.hidden = !view.nobodyToAnswer || Boolean(state && state.keepWaiting);
      status.textContent = view.estimatedWaitSeconds === null || view.estimatedWaitSeconds === undefined
        ? texts[next ? "waiting-next-no-agent" : "waiting-no-agent"].replace("{0}", view.ahead)
        : texts[next ? "waiting-next" : "waiting"].replace("{0}", view.ahead)
            .replace("{1}", Math.max(1, Math.round(view.estimatedWaitSeconds / 60)));
    } else if (view.status === "ENDED") {
      nobody.hidden = true;
      finish();
    } else if (view.status === "OFFERED") {
      nobody.hidden = true;
      // An agent is being offered the chat; they may not take it, and then the wait goes on.
      status.textContent = texts.offered;
    } else {
      nobody.hidden = true;
      status.textContent = texts.connected;
    }
  }

  function refresh() {
    return api("GET", "/conversations/" + state.conversation + "?token=" + encodeURIComponent(state.token))
      .then(function (view) { view.messages.forEach(show); showStatus(view); return view; });
  }

  // The stream starts with where the chat stands and every message so far, then brings each change.
  function listen() {
    source = new EventSource(base + "/chat/api/conversations/" + state.conversation + "/stream?token=" + encodeURIComponent(state.token));
    source.addEventListener("message", function (event) { show(JSON.parse(event.data)); });
    source.addEventListener("typing", function () { typing(true); });
    source.addEventListener("status", function (event) {
      var view = JSON.parse(event.data);
      // Back in the queue (an offer missed, a transfer): the push does not say the place, ask for it.
      if (view.status === "WAITING" && view.ahead === undefined) {
        api("GET", "/conversations/" + state.conversation + "/status?token=" + encodeURIComponent(state.token)).then(showStatus);
      } else {
        showStatus(view);
      }
    });
    // A dropped stream may have missed something: the stored history is the truth.
    source.onerror = function () { setTimeout(refresh, 1000); };
  }

  // fresh: the chat was just started, so there is nothing to load before its stream.
  function resume(fresh) {
    finished = false;
    errorBox.hidden = true;
    startForm.hidden = true;
    sendForm.hidden = false;
    // The start form the focus was in is gone: a keyboard user goes on typing the first message.
    if (!panel.hidden) { messageInput.focus(); }
    if (!checking) { checking = true; setTimeout(check, 10000); }
    if (fresh) { listen(); return; }
    refresh().then(function (view) {
      if (view.status !== "ENDED") { listen(); }
    }).catch(function (error) {
      // Only a conversation the server says is not ours (or gone) is forgotten; a restart or a
      // dropped network must not cost the customer their place in the queue.
      if (error.status === 403 || error.status === 404) {
        localStorage.removeItem(storageKey); state = null; startForm.hidden = false; sendForm.hidden = true;
      } else {
        showError(error);
        setTimeout(resume, 3000);
      }
    });
  }

  // Only the place in the queue moves on its own; a status the widget has not shown brings the whole
  // chat again (the stream says so too, but it may have dropped). The server says when to ask again:
  // often near the front of the queue, less often further back or while talking.
  function check() {
    if (!state || status.textContent === texts.ended) { checking = false; return; }
    api("GET", "/conversations/" + state.conversation + "/status?token=" + encodeURIComponent(state.token))
      .then(function (now) {
        if (now.status !== shownStatus) { refresh(); } else if (now.status === "WAITING") { showStatus(now); }
        return now.refreshSeconds;
      }, function () { return 10; })
      .then(function (seconds) { setTimeout(check, Math.max(5, seconds || 10) * 1000); });
  }

  function finish() {
    // The end is told twice (the answer to 끝내기 and the stream): a second pass would undo what the first set up.
    if (finished) { return; }
    finished = true;
    typing(false);
    var focusWasIn = sendForm.contains(document.activeElement) || nobody.contains(document.activeElement);
    status.textContent = texts.ended;
    sendForm.hidden = true;
    nobody.hidden = true;
    if (state) {
      transcriptLink.href = base + "/chat/api/conversations/" + state.conversation + "/transcript?token="
        + encodeURIComponent(state.token) + "&lang=" + encodeURIComponent(lang);
      ending.hidden = false;
    }
    // The customer may start another chat, without reloading the page, on a blank form: the last
    // customer's name and number must not wait there for whoever uses this browser next.
    startForm.reset();
    showHours();
    startForm.hidden = false;
    if (focusWasIn) { firstControl().focus(); }
    if (source) { source.close(); }
    localStorage.removeItem(storageKey);
  }

  fetch(base + "/chat/api/texts?lang=" + encodeURIComponent(lang))
    .then(function (response) { return response.json(); })
    .then(function (loaded) {
      texts = loaded;
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = base + "/css/chat-widget.css";
      document.head.appendChild(link);
      build();
    });
})();
