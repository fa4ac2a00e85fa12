// The agent desktop: state in one click, offers with a countdown, chats side by side. Everything
// shown comes from the server's stream; actions are plain POSTs and the stream reports the result.
(function () {
  var root = document.getElementById("desk");
  var texts = root.dataset;
  var csrfToken = document.querySelector("meta[name='_csrf']").content;
  var csrfHeader = document.querySelector("meta[name='_csrf_header']").content;
  var stateLabel = document.getElementById("agent-state");
  var offers = document.getElementById("offers");
  var chats = document.getElementById("chats");
  var noChats = document.getElementById("no-chats");
  var errorBox = document.getElementById("desk-error");
  var seen = {};

  function text(name) { return texts[name] || name; }

  function post(path, body) {
    var headers = { "Content-Type": "application/json" };
    headers[csrfHeader] = csrfToken;
    return fetch("/desk/api" + path, { method: "POST", headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        if (response.ok) { errorBox.hidden = true; return response.status === 200 || response.status === 201 ? response.text() : null; }
        return response.json().then(function (problem) { throw new Error(problem.detail); });
      })
      .catch(function (error) { errorBox.textContent = error.message; errorBox.hidden = false; });
  }

  function el(tag, attributes, content) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (content !== undefined) { node.textContent = content; }
    return node;
  }

  function setState(state) {
    // data-text-state-NOT_READY arrives lower-cased as dataset.textStateNot_ready
    stateLabel.textContent = text("textState" + state.charAt(0) + state.slice(1).toLowerCase());
    stateLabel.dataset.state = state;
  }

  function showOffer(offer) {
    var card = el("div", { "class": "card offer", "data-conversation": offer.conversation, "data-test": "offer" });
    var callback = offer.kind === "callback";
    var title = el("strong");
    withQueueName(offer.queue, function (queue) {
      title.textContent = text(callback ? "textCallbackOffer" : "textOffer") + " · " + queue + (offer.customer ? " · " + offer.customer : "");
    });
    card.appendChild(title);
    if (offer.flagged) { card.appendChild(flaggedWarning(offer.flagged)); }
    var countdown = el("span", { "class": "countdown" });
    card.appendChild(countdown);
    var accept = el("button", { type: "button", "class": "primary" }, text("textAccept"));
    var decline = el("button", { type: "button", "class": "secondary" }, text("textDecline"));
    accept.addEventListener("click", function () {
      // Refused (the offer expired meanwhile): the error says so, and the stale card goes.
      post(callback ? "/callbacks/" + offer.callback + "/accept" : "/offers/" + offer.conversation + "/accept")
        .then(function (result) { if (result === undefined) { card.remove(); } });
    });
    decline.addEventListener("click", function () { post("/offers/" + offer.conversation + "/decline"); });
    card.appendChild(accept);
    card.appendChild(decline);
    offers.appendChild(card);
    accept.focus();
    showAttention();
    chime();
    var expires = new Date(offer.expiresAt).getTime();
    var timer = setInterval(function () {
      var left = Math.max(0, Math.round((expires - Date.now()) / 1000));
      countdown.textContent = " " + text("textSeconds").replace("{0}", left);
      if (left === 0 || !card.isConnected) { clearInterval(timer); }
    }, 250);
  }

  function removeOffer(conversation) {
    var card = offers.querySelector("[data-conversation='" + conversation + "']");
    if (card) { card.remove(); }
    showAttention();
  }

  // An agent often works in another window (the knowledge base, the CRM): the tab's title counts
  // the offers and the customers waiting for an answer, and an offer sounds a short tone.
  var pageTitle = document.title;
  function showAttention() {
    var waiting = offers.children.length + chats.querySelectorAll(".chat-pane[data-waiting-since]:not(.ended)").length;
    document.title = (waiting ? "(" + waiting + ") " : "") + pageTitle;
  }

  var sound = null;
  // Browsers let a page sound only after the user acted on it; the agent clicks before any offer.
  document.addEventListener("click", function () {
    if (!sound && window.AudioContext) { sound = new AudioContext(); }
  });
  function chime() {
    if (!sound) { return; }
    var tone = sound.createOscillator();
    var volume = sound.createGain();
    tone.frequency.value = 880;
    volume.gain.setValueAtTime(0.15, sound.currentTime);
    volume.gain.exponentialRampToValueAtTime(0.001, sound.currentTime + 0.4);
    tone.connect(volume).connect(sound.destination);
    tone.start();
    tone.stop(sound.currentTime + 0.4);
  }

  function showMessage(pane, message) {
    if (seen[message.id]) { return; }
    seen[message.id] = true;
    var log = pane.querySelector("ol");
    var who = message.sender === "CUSTOMER" ? text("textCustomer") : message.sender === "AGENT" ? text("textAgent")
      : message.sender === "NOTE" ? text("textNote") : text("textSystem");
    var item = el("li", { "class": "from-" + message.sender.toLowerCase() });
    item.appendChild(el("span", { "class": "who" }, who));
    item.appendChild(highlighted(message));
    if (message.flags && message.flags.length) {
      item.classList.add("flagged");
      item.dataset.test = "flagged-message";
      pane.classList.add("abusive");
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    if (message.sender === "CUSTOMER") {
      if (!pane.dataset.waitingSince) { pane.dataset.waitingSince = message.sentAt; }
    } else if (message.sender === "AGENT") {
      delete pane.dataset.waitingSince;
    }
    showReplyWait(pane);
    showAttention();
  }

  // How long the customer has waited for an answer, so that an agent with several chats sees whom
  // to answer first; late after a minute. Counted from the stored time of their first unanswered message.
  function showReplyWait(pane) {
    var wait = pane.querySelector(".reply-wait");
    if (!wait) { return; }
    var since = pane.dataset.waitingSince;
    if (!since || pane.classList.contains("ended")) { wait.hidden = true; return; }
    var seconds = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 1000));
    wait.textContent = text("textReplyWait").replace("{0}", Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0"));
    wait.classList.toggle("late", seconds >= 60);
    wait.hidden = false;
  }
  setInterval(function () { chats.querySelectorAll(".chat-pane").forEach(showReplyWait); }, 1000);

  // Abusive words are marked before the agent reads them (offsets index the stored body).
  function highlighted(message) {
    var span = el("span", { "class": "text" });
    var flags = (message.flags || []).slice().sort(function (a, b) { return a.start - b.start; });
    var position = 0;
    flags.forEach(function (flag) {
      if (flag.start < position) { return; }
      span.appendChild(document.createTextNode(message.body.substring(position, flag.start)));
      span.appendChild(el("mark", { title: flag.category, "data-category": flag.category }, message.body.substring(flag.start, flag.end)));
      position = flag.end;
    });
    span.appendChild(document.createTextNode(message.body.substring(position)));
    return span;
  }

  // Each chat has a pane on the left (the conversation) and a context on the right (customer,
  // transfer, record); only the selected chat's context shows. Working in a pane selects it.
  var context = document.getElementById("chat-context");
  var noContext = document.getElementById("no-context");

  function paneOf(conversation) { return chats.querySelector(".chat-pane[data-conversation='" + conversation + "']"); }
  function contextOf(conversation) { return context.querySelector(".context[data-conversation='" + conversation + "']"); }

  function select(conversation) {
    chats.querySelectorAll(".chat-pane").forEach(function (pane) {
      pane.classList.toggle("selected", pane.dataset.conversation === conversation);
    });
    context.querySelectorAll(".context").forEach(function (section) {
      section.hidden = section.dataset.conversation !== conversation;
    });
    noContext.hidden = !!contextOf(conversation);
  }

  function selected() {
    var pane = chats.querySelector(".chat-pane.selected");
    return pane ? pane.dataset.conversation : null;
  }

  function addChat(conversation, pane, section) {
    pane.addEventListener("focusin", function () { select(conversation); });
    pane.addEventListener("click", function () { select(conversation); });
    chats.appendChild(pane);
    context.appendChild(section);
    if (!selected()) { select(conversation); } else { section.hidden = true; }
    noChats.hidden = true;
  }

  function removeChat(conversation) {
    var pane = paneOf(conversation);
    var section = contextOf(conversation);
    var wasSelected = selected() === conversation;
    if (pane) { pane.remove(); }
    if (section) { section.remove(); }
    var next = chats.querySelector(".chat-pane");
    if (wasSelected) { select(next ? next.dataset.conversation : null); }
    noChats.hidden = !!next;
    showAttention();
  }

  function contextSection(conversation, heading) {
    var section = el("section", { "class": "context", "data-conversation": conversation, "data-test": "chat-context" });
    section.appendChild(heading);
    return section;
  }

  function openChat(chat) {
    removeOffer(chat.conversation);
    var pane = paneOf(chat.conversation);
    if (!pane) {
      pane = el("article", { "class": "card chat-pane", "data-conversation": chat.conversation, "data-test": "chat-pane" });
      var heading = el("h2");
      var contextHeading = el("h2");
      withQueueName(chat.queue, function (queue) {
        heading.textContent = queue + (chat.customer ? " · " + chat.customer : "");
        contextHeading.textContent = heading.textContent;
      });
      var header = el("div", { "class": "pane-header" });
      header.appendChild(heading);
      header.appendChild(el("span", { "class": "reply-wait", "data-test": "reply-wait", hidden: "" }));
      pane.appendChild(header);
      pane.appendChild(el("ol", { "class": "chat-log", "aria-live": "polite" }));
      var form = el("form", { "class": "composer" });
      var input = el("textarea", { rows: "2", maxlength: "2000", required: "", "aria-label": text("textMessage") });
      form.appendChild(input);
      var row = el("div", { "class": "row" });
      // Quick replies: the center's usual sentences, put into the box to edit before sending.
      var quick = el("select", { "aria-label": text("textQuickReplies"), "data-test": "quick-replies" });
      quick.appendChild(el("option", { value: "" }, text("textQuickReplies")));
      JSON.parse(texts.quickReplies || "[]").forEach(function (reply) { quick.appendChild(el("option", { value: reply }, reply)); });
      quick.addEventListener("change", function () { if (quick.value) { input.value = quick.value; input.focus(); quick.value = ""; } });
      row.appendChild(quick);
      row.appendChild(el("button", { type: "submit", "class": "primary" }, text("textSend")));
      var end = el("button", { type: "button", "class": "secondary" }, text("textEnd"));
      row.appendChild(end);
      form.appendChild(row);
      pane.appendChild(form);
      var protection = el("div", { "class": "protection row", "data-test": "protection" });
      protection.appendChild(el("span", { "class": "hint" }, text("textProtection")));
      var warn = el("button", { type: "button", "class": "secondary small" }, text("textWarn"));
      var endForAbuse = el("button", { type: "button", "class": "danger small" }, text("textEndForAbuse"));
      var warnings = el("span", { "class": "hint warnings", "data-test": "warnings" }, "");
      protection.appendChild(warn);
      protection.appendChild(endForAbuse);
      protection.appendChild(warnings);
      pane.appendChild(protection);
      warn.addEventListener("click", function () { post("/conversations/" + chat.conversation + "/warnings"); });
      endForAbuse.addEventListener("click", function () { post("/conversations/" + chat.conversation + "/end-for-abuse"); });
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        post("/conversations/" + chat.conversation + "/messages", { text: input.value }).then(function (body) {
          if (body) { showMessage(pane, JSON.parse(body)); input.value = ""; }
        });
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
      });
      // The customer sees "typing": told at most every 3 s while the agent types, never waited for.
      var toldTyping = 0;
      input.addEventListener("input", function () {
        if (input.value && Date.now() - toldTyping > 3000) {
          toldTyping = Date.now();
          var headers = {};
          headers[csrfHeader] = csrfToken;
          fetch("/desk/api/conversations/" + chat.conversation + "/typing", { method: "POST", headers: headers })
            .catch(function () { /* only a hint; the message itself is what counts */ });
        }
      });
      end.addEventListener("click", function () { post("/conversations/" + chat.conversation + "/end"); });

      var section = contextSection(chat.conversation, contextHeading);
      var panel = el("aside", { "class": "customer-panel", "data-test": "customer-panel", "aria-label": text("textPanel") });
      section.appendChild(panel);
      section.appendChild(transferForm(chat.conversation));
      section.appendChild(recordForm(chat.conversation, null, null, true));
      loadPanel(chat.conversation, panel);
      addChat(chat.conversation, pane, section);
    }
    (chat.messages || []).forEach(function (message) { showMessage(pane, message); });
  }

  // Transfer to a queue, or to a colleague first, with a note the next agent reads first.
  function transferForm(conversation) {
    var form = el("form", { "class": "stacked transfer", "data-test": "transfer" });
    form.appendChild(el("h3", {}, text("textTransfer")));
    var queueSelect = el("select");
    form.appendChild(labelled(text("textTransferTo"), queueSelect));
    loadQueues().then(function (queues) {
      queues.forEach(function (q) { queueSelect.appendChild(el("option", { value: q.code }, q.name)); });
    });
    // A colleague is optional: chosen, they get the chat first for a minute, then anyone in the queue.
    var agentSelect = el("select", { "data-test": "transfer-agent" });
    agentSelect.appendChild(el("option", { value: "" }, text("textTransferAnyAgent")));
    agentSelect.addEventListener("focus", function () { loadColleagues(agentSelect); });
    loadColleagues(agentSelect);
    var agentLabel = labelled(text("textTransferToAgent"), agentSelect);
    agentLabel.appendChild(el("span", { "class": "hint" }, text("textTransferAgentHint")));
    form.appendChild(agentLabel);
    var note = el("input", { type: "text", maxlength: "500" });
    form.appendChild(labelled(text("textTransferNote"), note));
    form.appendChild(el("button", { type: "submit", "class": "secondary" }, text("textTransfer")));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      post("/conversations/" + conversation + "/transfer", { queue: queueSelect.value, agent: agentSelect.value || null, note: note.value });
    });
    return form;
  }

  function labelled(caption, control) {
    var label = el("label");
    label.appendChild(el("span", {}, caption));
    label.appendChild(control);
    return label;
  }

  // The customer panel: who this is (masked), unmasking with a reason, earlier contacts and records.
  // HTML lower-cases attribute names: data-text-status-CONNECTED is read as dataset.textStatusConnected.
  function keyText(prefix, value) {
    return texts[prefix + value.charAt(0) + value.slice(1).toLowerCase()] || texts[prefix + value] || value;
  }

  function getJson(path) {
    return fetch(path).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.detail); }
        return body;
      });
    });
  }

  // A customer in the abusive-customer registry: what for and since when, before the agent accepts.
  // For a number only claimed (not verified), just that it is registered: the rest is its owner's.
  function flaggedWarning(flagged) {
    if (!flagged.verified) {
      return el("p", { "class": "flagged-warning", role: "alert", "data-test": "flagged-warning" }, text("textFlaggedClaimed"));
    }
    return el("p", { "class": "flagged-warning", role: "alert", "data-test": "flagged-warning" },
      text("textFlagged").replace("{0}", keyText("textAbuse", flagged.category)).replace("{1}", flagged.since)
        .replace("{2}", flagged.until));
  }

  function loadPanel(conversation, panel) {
    getJson("/desk/api/conversations/" + conversation + "/customer")
      .then(function (data) { renderPanel(conversation, panel, data); })
      .catch(function (error) { panel.replaceChildren(el("p", { "class": "error-box", role: "alert" }, error.message)); });
  }

  function fact(list, term, value, masked) {
    list.appendChild(el("dt", {}, term));
    list.appendChild(el("dd", masked ? { "class": "masked" } : {}, value || "-"));
  }

  function when(instant) {
    // In the page's language, not the browser's: a Korean desk in an English browser shows Korean dates.
    var date = new Date(instant);
    var language = document.documentElement.lang || undefined;
    return date.toLocaleDateString(language) + " " + date.toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });
  }

  function renderPanel(conversation, panel, data) {
    panel.replaceChildren(el("h3", {}, text("textPanel")));
    if (!data.link) {
      panel.appendChild(el("p", { "class": "hint", "data-test": "panel-none" }, text("textPanelNone")));
      panel.appendChild(searchForm(conversation, panel));
      return;
    }
    if (data.flagged) { panel.appendChild(flaggedWarning(data.flagged)); }
    if (data.link === "CLAIMED") {
      renderClaim(conversation, panel, data);
      return;
    }
    var c = data.customer;
    var verified = el("p", { "class": "hint", "data-test": "panel-verified" });
    verified.appendChild(el("span", { "class": "chip ok" }, text("textPanelVerified")));
    verified.appendChild(document.createTextNode(" " + text("textPanelVerifiedBy").replace("{0}", data.verified.by)
      .replace("{1}", keyText("textPanelVerifyMethod", data.verified.method))));
    panel.appendChild(verified);
    var facts = el("dl", { "class": "facts", "data-test": "panel-customer" });
    fact(facts, text("textCustomerNumber"), c.customerNumber);
    fact(facts, text("textCustomerName"), c.name, true);
    fact(facts, text("textCustomerPhone"), c.mobilePhone, true);
    fact(facts, text("textCustomerGrade"), keyText("textGrade", c.grade));
    var chips = el("dd", { "class": "chips" });
    if (c.senior) { chips.appendChild(el("span", { "class": "chip" }, text("textSenior"))); }
    if (c.accessibility) { chips.appendChild(el("span", { "class": "chip" }, text("textAccessibility"))); }
    if (chips.children.length) { facts.appendChild(el("dt", {}, "")); facts.appendChild(chips); }
    panel.appendChild(facts);
    panel.appendChild(unmaskForm(conversation, facts));
    panel.appendChild(el("h4", {}, text("textPanelConsultations")));
    var records = el("ul", { "class": "history", "data-test": "panel-consultations" });
    data.consultations.forEach(function (r) {
      var item = el("li");
      item.appendChild(el("strong", {}, when(r.recordedAt) + " · " + (r.queue || r.channel) + " · "
        + (document.documentElement.lang === "en" ? r.categoryEnglish : r.categoryKorean)));
      item.appendChild(el("span", {}, " " + keyText("textDisposition", r.disposition) + " · " + r.agent));
      if (r.notes) { item.appendChild(el("div", { "class": "masked hint" }, r.notes)); }
      records.appendChild(item);
    });
    if (!data.consultations.length) { records.appendChild(el("li", { "class": "hint" }, text("textHistoryNone"))); }
    panel.appendChild(records);
    panel.appendChild(el("h4", {}, text("textPanelContacts")));
    var contacts = el("ul", { "class": "history", "data-test": "panel-contacts" });
    data.contacts.forEach(function (contact) {
      contacts.appendChild(el("li", {}, when(contact.at) + " · " + contact.queue + " · " + keyText("textStatus", contact.status)
        + (contact.agent ? " · " + contact.agent : "")));
    });
    if (!data.contacts.length) { contacts.appendChild(el("li", { "class": "hint" }, text("textPanelContactsNone"))); }
    panel.appendChild(contacts);
  }

  // A customer record matches what the chat claims (a typed number, a search): masked name and phone
  // and a way to verify, nothing more. The agent asks and types the customer's answer; the server
  // compares it with the record, which the desk never receives.
  function renderClaim(conversation, panel, data) {
    var status = el("p", { "class": "claim-status", "data-test": "panel-claimed" });
    status.appendChild(el("span", { "class": "chip warn" }, text("textPanelClaimed")));
    status.appendChild(document.createTextNode(" " + text("textPanelClaimedLead")));
    panel.appendChild(status);
    var facts = el("dl", { "class": "facts", "data-test": "panel-claim" });
    fact(facts, text("textCustomerName"), data.claim.customer.name, true);
    fact(facts, text("textCustomerPhone"), data.claim.customer.mobilePhone, true);
    panel.appendChild(facts);
    if (data.claim.attemptsLeft > 0) {
      panel.appendChild(verifyForm(conversation, panel, data.claim));
    } else {
      panel.appendChild(el("p", { "class": "hint", "data-test": "panel-verify-exhausted" }, text("textPanelVerifyLeft").replace("{0}", "0")));
    }
    panel.appendChild(searchForm(conversation, panel));
  }

  // Date of birth: the agent types what the customer says. One-time code: the server texts a code to
  // the phone on record and the agent types what the customer reads back. Either answer goes to the
  // server, which says only whether it matches; a failure counts, and the panel shows what is left.
  function verifyForm(conversation, panel, claim) {
    var form = el("form", { "class": "stacked verify", "data-test": "panel-verify" });
    var method = claim.methods[0];
    var problem = el("p", { "class": "error-box", role: "alert", "data-test": "panel-verify-error", hidden: "" });
    var sent = el("p", { "class": "hint", role: "status", "data-test": "panel-code-sent", hidden: "" });
    if (claim.methods.length > 1) {
      var choice = el("select", { "aria-label": text("textPanelVerifyMethod") });
      claim.methods.forEach(function (m) { choice.appendChild(el("option", { value: m }, keyText("textPanelVerifyMethod", m))); });
      choice.addEventListener("change", function () { method = choice.value; show(); });
      form.appendChild(choice);
    }
    var dateLabel = el("label", {});
    dateLabel.appendChild(el("span", {}, text("textPanelVerifyBirthDate")));
    var date = el("input", { type: "date", min: "1900-01-01" });
    dateLabel.appendChild(date);
    form.appendChild(dateLabel);
    var codeRow = el("div", { "class": "code-fields" });
    var sendCode = el("button", { type: "button", "class": "secondary" }, text("textPanelSendCode"));
    var codeLabel = el("label", {});
    codeLabel.appendChild(el("span", {}, text("textPanelVerifyCode")));
    var code = el("input", { type: "text", inputmode: "numeric", maxlength: "6", pattern: "[0-9]{6}", autocomplete: "off", size: "8" });
    codeLabel.appendChild(code);
    codeRow.appendChild(sendCode);
    codeRow.appendChild(codeLabel);
    form.appendChild(codeRow);
    form.appendChild(sent);
    var row = el("div", { "class": "row" });
    row.appendChild(el("button", { type: "submit", "class": "secondary" }, text("textPanelVerifySubmit")));
    row.appendChild(el("span", { "class": "hint", "data-test": "panel-verify-left" },
      text("textPanelVerifyLeft").replace("{0}", claim.attemptsLeft)));
    form.appendChild(row);
    form.appendChild(el("p", { "class": "hint" }, text("textPanelVerifyLogged")));
    form.appendChild(problem);
    function show() {
      dateLabel.hidden = method !== "BIRTH_DATE";
      date.required = method === "BIRTH_DATE";
      codeRow.hidden = method !== "ONE_TIME_CODE";
      code.required = method === "ONE_TIME_CODE";
    }
    show();
    function send(path, body) {
      var headers = { "Content-Type": "application/json" };
      headers[csrfHeader] = csrfToken;
      return fetch("/desk/api/conversations/" + conversation + "/customer" + path,
        { method: "POST", headers: headers, body: JSON.stringify(body || {}) })
        .then(function (response) { return response.json().then(function (json) { return { ok: response.ok, body: json }; }); });
    }
    sendCode.addEventListener("click", function () {
      send("/verification/code").then(function (answer) {
        problem.hidden = answer.ok;
        sent.hidden = !answer.ok;
        if (answer.ok) { sent.textContent = text("textPanelCodeSent"); code.focus(); } else { problem.textContent = answer.body.detail; }
      }).catch(function (error) { problem.textContent = error.message; problem.hidden = false; });
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send("/verification", { method: method, answer: method === "BIRTH_DATE" ? date.value : code.value })
        .then(function (answer) {
          if (answer.ok) { renderPanel(conversation, panel, answer.body); return; }
          // A failed attempt counts: show why here, and the attempts left as the server now has them.
          return getJson("/desk/api/conversations/" + conversation + "/customer").then(function (fresh) {
            renderPanel(conversation, panel, fresh);
            var again = panel.querySelector("[data-test=panel-verify-error]");
            var target = again || panel.appendChild(el("p", { "class": "error-box", role: "alert" }));
            target.textContent = answer.body.detail;
            target.hidden = false;
          });
        })
        .catch(function (error) { problem.textContent = error.message; problem.hidden = false; });
    });
    return form;
  }

  function unmaskForm(conversation, facts) {
    var form = el("form", { "class": "stacked unmask", "data-test": "panel-unmask" });
    var reason = el("input", { type: "text", maxlength: "400", required: "", "aria-label": text("textPanelUnmaskReason"),
                                placeholder: text("textPanelUnmaskReason") });
    form.appendChild(reason);
    form.appendChild(el("button", { type: "submit", "class": "secondary" }, text("textPanelUnmaskSubmit")));
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      post("/conversations/" + conversation + "/customer/unmask", { reason: reason.value }).then(function (body) {
        if (!body) { return; }
        var clear = JSON.parse(body);
        var shown = el("dl", { "class": "facts unmasked", "data-test": "panel-unmasked" });
        fact(shown, text("textCustomerName"), clear.name);
        fact(shown, text("textCustomerPhone"), clear.mobilePhone);
        fact(shown, text("textCustomerEmail"), clear.email);
        form.replaceWith(el("p", { "class": "hint" }, text("textPanelUnmasked")), shown);
      });
    });
    return form;
  }

  function searchForm(conversation, panel) {
    var form = el("form", { "class": "stacked", "data-test": "panel-search", role: "search" });
    var query = el("input", { type: "search", maxlength: "50", required: "", "aria-label": text("textPanelSearch"),
                               placeholder: text("textPanelSearchHint") });
    form.appendChild(query);
    form.appendChild(el("button", { type: "submit", "class": "secondary" }, text("textPanelSearch")));
    form.appendChild(el("p", { "class": "hint" }, text("textPanelSearchLogged")));
    var results = el("ul", { "class": "history", "data-test": "panel-results" });
    form.appendChild(results);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      getJson("/desk/api/conversations/" + conversation + "/customer/search?q=" + encodeURIComponent(query.value))
        .then(function (found) {
          errorBox.hidden = true;
          results.replaceChildren();
          found.forEach(function (c) {
            var item = el("li", {}, c.customerNumber + " · " + c.name + " · " + c.mobilePhone + " ");
            var link = el("button", { type: "button", "class": "link" }, text("textPanelLink"));
            link.addEventListener("click", function () {
              post("/conversations/" + conversation + "/customer", { customerId: c.id }).then(function (body) {
                if (body) { renderPanel(conversation, panel, JSON.parse(body)); }
              });
            });
            item.appendChild(link);
            results.appendChild(item);
          });
          if (!found.length) { results.appendChild(el("li", { "class": "hint" }, text("textPanelNoResults"))); }
        })
        .catch(function (error) { errorBox.textContent = error.message; errorBox.hidden = false; });
    });
    return form;
  }

  // The conversation stays readable; the record form comes first in its context. The agent may be
  // typing in another chat: that one stays selected, and the ended pane offers the record instead.
  function endChat(conversation) {
    awaitRecord(conversation, "textEnded");
    removeOffer(conversation);
  }

  // After a transfer the same as after the end (이관): the transferring agent records what they
  // did, with the transcript up to the transfer, while the colleague records the rest.
  function transferred(conversation) {
    awaitRecord(conversation, "textTransferred", "TRANSFERRED");
  }

  function awaitRecord(conversation, hint, presetDisposition) {
    var pane = paneOf(conversation);
    var section = contextOf(conversation);
    // A reconnected stream tells again of chats that ended before: those panes are ended already.
    if (pane && section && !pane.classList.contains("ended")) {
      pane.classList.add("ended");
      showReplyWait(pane);
      showAttention();
      pane.querySelector("form.composer").remove();
      var protection = pane.querySelector(".protection");
      if (protection) { protection.remove(); }
      var ended = el("div", { "class": "ended-note row" });
      ended.appendChild(el("span", { "class": "hint", role: "status" }, text(hint)));
      var write = el("button", { type: "button", "class": "primary" }, text("textWriteRecord"));
      write.addEventListener("click", function () { select(conversation); section.querySelector("[data-test=record] select").focus(); });
      ended.appendChild(write);
      pane.appendChild(ended);
      var transfer = section.querySelector("[data-test=transfer]");
      if (transfer) { transfer.remove(); }
      var record = section.querySelector("[data-test=record]") || recordForm(conversation);
      section.insertBefore(record, section.children[1]);
      record.querySelector("button[type=submit]").disabled = false;
      var later = record.querySelector(".record-later");
      if (later) { later.remove(); }
      if (presetDisposition) {
        // After the form has restored its draft (once the categories are in): the transfer decides,
        // and the draft keeps it.
        loadCategories().then(function () {
          record.querySelector("[data-test=disposition]").value = presetDisposition;
          record.dispatchEvent(new Event("change"));
        });
      }
      var current = paneOf(selected());
      if (!current || current.classList.contains("ended")) { select(conversation); }
    }
  }

  /** Refills the colleague list (who is logged in changes), keeping the choice if still there. */
  function loadColleagues(select) {
    fetch("/desk/api/colleagues").then(function (r) { return r.ok ? r.json() : []; }).then(function (colleagues) {
      var chosen = select.value;
      while (select.options.length > 1) { select.remove(1); }
      colleagues.forEach(function (c) {
        select.appendChild(el("option", { value: c.username }, c.name + " (" + c.username + ") · " + text("textState" + c.state.charAt(0) + c.state.slice(1).toLowerCase())));
      });
      select.value = chosen;
      if (select.value !== chosen) { select.value = ""; }
    });
  }

  // The queue's name in the page's language, once known; its code until then.
  function withQueueName(code, show) {
    show(code);
    loadQueues().then(function (list) {
      list.forEach(function (q) { if (q.code === code) { show(q.name); } });
    });
  }

  var queues = null;
  function loadQueues() {
    if (!queues) {
      queues = fetch("/desk/api/queues").then(function (r) { return r.json(); });
    }
    return queues;
  }

  var categories = null;
  function loadCategories() {
    if (!categories) {
      categories = fetch("/desk/api/categories").then(function (r) { return r.json(); });
    }
    return categories;
  }

  // A left message routed to me: what the customer wrote, who they are (masked), the number revealed
  // with a reason; the agent calls back by phone outside this screen, then saves the record.
  function openCallback(callback) {
    removeOffer(callback.conversation);
    if (paneOf(callback.conversation)) { return; }
    var pane = el("article", { "class": "card chat-pane callback-pane", "data-conversation": callback.conversation, "data-test": "callback-pane" });
    var heading = el("h2");
    var contextHeading = el("h2");
    withQueueName(callback.queue, function (queue) {
      heading.textContent = text("textCallback") + " · " + queue;
      contextHeading.textContent = heading.textContent;
    });
    pane.appendChild(heading);
    var facts = el("dl", { "class": "facts", "data-test": "callback-facts" });
    fact(facts, text("textCallbackLeftAt"), when(callback.leftAt));
    fact(facts, text("textCallbackCustomer"), callback.customer, true);
    fact(facts, text("textCallbackPhone"), callback.phone, true);
    fact(facts, text("textCallbackMessage"), callback.message);
    pane.appendChild(facts);
    pane.appendChild(el("p", { "class": "hint" }, text("textCallbackHint")));
    var unmask = el("form", { "class": "stacked unmask", "data-test": "callback-unmask" });
    var reason = el("input", { type: "text", maxlength: "400", required: "", "aria-label": text("textCallbackUnmaskReason"),
                                placeholder: text("textCallbackUnmaskReason") });
    unmask.appendChild(reason);
    unmask.appendChild(el("button", { type: "submit", "class": "secondary" }, text("textCallbackUnmask")));
    unmask.addEventListener("submit", function (event) {
      event.preventDefault();
      post("/callbacks/" + callback.callback + "/unmask", { reason: reason.value }).then(function (body) {
        if (!body) { return; }
        var clear = JSON.parse(body);
        var shown = el("dl", { "class": "facts unmasked", "data-test": "callback-unmasked" });
        fact(shown, text("textCallbackCustomer"), clear.name);
        fact(shown, text("textCallbackPhone"), clear.phone);
        unmask.replaceWith(shown);
      });
    });
    pane.appendChild(unmask);
    var section = contextSection(callback.conversation, contextHeading);
    section.appendChild(recordForm(callback.conversation, "/callbacks/" + callback.callback + "/finish", "textCallbackDone"));
    addChat(callback.conversation, pane, section);
  }

  // The consultation record (상담 이력): 대/중/소분류, disposition, follow-up, notes.
  // While the chat is open the agent may fill it in already (less wrap-up afterwards); it is saved
  // once the chat has ended, with the whole transcript.
  function recordForm(conversation, path, savedText, whileOpen) {
    var form = el("form", { "class": "stacked record", "data-test": "record" });
    form.appendChild(el("h3", {}, text("textRecord")));
    if (whileOpen) { form.appendChild(el("p", { "class": "hint record-later" }, text("textRecordAfterEnd"))); }
    var levels = [1, 2, 3].map(function (level) {
      var select = el("select", { required: "", "aria-label": text("textCategory" + level) });
      var label = el("label");
      label.appendChild(el("span", {}, text("textCategory" + level)));
      label.appendChild(select);
      form.appendChild(label);
      return select;
    });
    function fill(select, nodes) {
      select.replaceChildren(el("option", { value: "" }, "-"));
      (nodes || []).forEach(function (node) {
        var option = el("option", { value: node.id }, document.documentElement.lang === "en" ? node.nameEnglish : node.nameKorean);
        option.node = node;
        select.appendChild(option);
      });
    }
    loadCategories().then(function (tree) { fill(levels[0], tree); fill(levels[1], []); fill(levels[2], []); restore(); });
    levels[0].addEventListener("change", function () {
      var chosen = levels[0].selectedOptions[0].node;
      fill(levels[1], chosen ? chosen.children : []);
      fill(levels[2], []);
    });
    levels[1].addEventListener("change", function () {
      var chosen = levels[1].selectedOptions[0].node;
      fill(levels[2], chosen ? chosen.children : []);
    });
    var disposition = el("select", { "aria-label": text("textDisposition"), "data-test": "disposition" });
    ["RESOLVED", "FOLLOW_UP", "TRANSFERRED", "ENDED_FOR_ABUSE", "NO_RESPONSE"].forEach(function (value) {
      disposition.appendChild(el("option", { value: value }, text("textDisposition" + value.charAt(0) + value.slice(1).toLowerCase())));
    });
    var dispositionLabel = el("label");
    dispositionLabel.appendChild(el("span", {}, text("textDisposition")));
    dispositionLabel.appendChild(disposition);
    form.appendChild(dispositionLabel);
    var followUp = el("input", { type: "checkbox" });
    var followUpLabel = el("label", { "class": "inline-label" });
    followUpLabel.appendChild(followUp);
    followUpLabel.appendChild(el("span", {}, text("textFollowUp")));
    form.appendChild(followUpLabel);
    var notes = el("textarea", { rows: "3", maxlength: "4000", "aria-label": text("textNotes") });
    var notesLabel = el("label");
    notesLabel.appendChild(el("span", {}, text("textNotes")));
    notesLabel.appendChild(notes);
    form.appendChild(notesLabel);
    var save = el("button", { type: "submit", "class": "primary" }, text("textSaveRecord"));
    save.disabled = !!whileOpen;
    form.appendChild(save);
    // The draft survives a reload of the tab (sessionStorage: this tab only, gone when it closes),
    // since a record is often half written when the agent reloads or the browser restarts the page.
    var draftKey = "sangdam.record." + conversation;
    function keep() {
      try {
        sessionStorage.setItem(draftKey, JSON.stringify({ levels: levels.map(function (l) { return l.value; }),
          disposition: disposition.value, followUp: followUp.checked, notes: notes.value }));
      } catch (e) { /* storage full or off: the draft is only a convenience */ }
    }
    function restore() {
      var draft = null;
      try { draft = JSON.parse(sessionStorage.getItem(draftKey)); } catch (e) { draft = null; }
      if (!draft) { return; }
      draft.levels.forEach(function (value, i) {
        levels[i].value = value;
        levels[i].dispatchEvent(new Event("change"));
      });
      disposition.value = draft.disposition;
      followUp.checked = draft.followUp;
      notes.value = draft.notes;
    }
    form.addEventListener("change", keep);
    form.addEventListener("input", keep);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      post(path || "/conversations/" + conversation + "/record", {
        categoryId: Number(levels[2].value), disposition: disposition.value, followUp: followUp.checked, notes: notes.value
      }).then(function (body) {
        if (body) {
          try { sessionStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
          form.replaceWith(el("p", { "class": "notice", role: "status" }, text(savedText || "textRecordSaved")));
          setTimeout(function () { removeChat(conversation); }, 3000);
        }
      });
    });
    return form;
  }

  document.querySelectorAll("[data-action]").forEach(function (button) {
    button.addEventListener("click", function () {
      var action = button.dataset.action;
      post("/" + action, action === "not-ready" ? { reason: document.getElementById("not-ready-reason").value } : null);
    });
  });

  var stream = new EventSource("/desk/api/stream");
  stream.addEventListener("state", function (event) { setState(JSON.parse(event.data).state); });
  stream.addEventListener("offer", function (event) { showOffer(JSON.parse(event.data)); });
  stream.addEventListener("offer-withdrawn", function (event) { removeOffer(JSON.parse(event.data).conversation); });
  stream.addEventListener("connected", function (event) { openChat(JSON.parse(event.data)); });
  stream.addEventListener("callback", function (event) { openCallback(JSON.parse(event.data)); });
  stream.addEventListener("message", function (event) {
    var message = JSON.parse(event.data);
    var pane = paneOf(message.conversationId);
    if (pane) { showMessage(pane, message); }
  });
  stream.addEventListener("ended", function (event) { endChat(JSON.parse(event.data).conversation); });
  stream.addEventListener("transferred", function (event) { transferred(JSON.parse(event.data).conversation); });
  stream.addEventListener("warnings", function (event) {
    var data = JSON.parse(event.data);
    var pane = paneOf(data.conversation);
    if (pane) {
      pane.querySelector("[data-test=warnings]").textContent = text("textWarningsSent").replace("{0}", data.sent).replace("{1}", data.required);
    }
  });
})();
