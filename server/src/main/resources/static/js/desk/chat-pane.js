// A chat in its pane: the log, the composer with quick replies and typing, protection (warnings,
// end for abuse), the wait for an answer; and, when it ends or is transferred, the record to write.
import { showAttention } from "./attention.js";
import { markUnread } from "./conversation-list.js";
import { loadPanel } from "./customer-panel.js";
import { el } from "./dom.js";
import { knowledgePanel } from "./knowledge-panel.js";
import { addChat, contextOf, contextSection, paneOf, panes, select, selected, shown } from "./layout.js";
import { loadCategories, withQueueName } from "./lookups.js";
import { offeredMessage, removeOffer } from "./offers.js";
import { attachQuickReplies } from "./quick-replies.js";
import { showBotConversation } from "./bot-conversation.js";
import { recordForm } from "./record.js";
import { attachScripts } from "./script-runner.js";
import { markSupervision } from "./supervision.js";
import { headers, post } from "./server.js";
import { format, text } from "./texts.js";
import { REPLY_LATE_SECONDS, timeElement } from "./times.js";
import { transferForm } from "./transfer.js";

// A message can arrive twice (the answer to our POST and the stream, or a reconnected stream).
const seen = {};

export function openChat(chat) {
  removeOffer(chat.conversation);
  let pane = paneOf(chat.conversation);
  if (!pane) {
    pane = el("article", { "class": "card chat-pane", "data-conversation": chat.conversation, "data-test": "chat-pane" });
    const heading = el("h2");
    const contextHeading = el("h2");
    withQueueName(chat.queue, (queue) => {
      heading.textContent = queue + (chat.customer ? " · " + chat.customer : "");
      contextHeading.textContent = heading.textContent;
    });
    const header = el("div", { "class": "pane-header" });
    header.appendChild(heading);
    header.appendChild(el("span", { "class": "reply-wait", "data-test": "reply-wait", hidden: "" }));
    pane.appendChild(header);
    pane.appendChild(el("ol", { "class": "chat-log", "aria-live": "polite" }));
    pane.appendChild(composer(chat.conversation, pane));
    attachQuickReplies(pane, chat);
    pane.appendChild(protection(chat.conversation));
    const section = contextSection(chat.conversation, contextHeading);
    section.appendChild(knowledgePanel(chat.conversation, pane));
    const panel = el("aside", { "class": "customer-panel", "data-test": "customer-panel", "aria-label": text("panel.title") });
    section.appendChild(panel);
    section.appendChild(transferForm(chat.conversation));
    section.appendChild(recordForm(chat.conversation, null, null, true));
    loadPanel(chat.conversation, panel);
    showBotConversation(pane, chat.conversation);
    addChat(chat.conversation, pane, section);
    attachScripts(pane, chat);
  }
  (chat.messages || []).forEach((message) => showMessage(pane, message));
}

function composer(conversation, pane) {
  const form = el("form", { "class": "composer" });
  const input = el("textarea", { rows: "2", maxlength: "2000", required: "", "aria-label": text("chat.message") });
  form.appendChild(input);
  const row = el("div", { "class": "row" });
  row.appendChild(el("button", { type: "submit", "class": "primary" }, text("chat.send")));
  const end = el("button", { type: "button", "class": "secondary", "data-test": "end-chat", "aria-keyshortcuts": "Alt+X" }, text("desk.end"));
  row.appendChild(end);
  form.appendChild(row);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    post("/conversations/" + conversation + "/messages", { text: input.value }).then((body) => {
      if (body) { showMessage(pane, JSON.parse(body)); input.value = ""; }
    });
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  // The customer sees "typing": told at most every 3 s while the agent types, never waited for.
  let toldTyping = 0;
  input.addEventListener("input", () => {
    if (input.value && Date.now() - toldTyping > 3000) {
      toldTyping = Date.now();
      fetch("/desk/api/conversations/" + conversation + "/typing", { method: "POST", headers: headers(false) })
        .catch(() => { /* only a hint; the message itself is what counts */ });
    }
  });
  end.addEventListener("click", () => post("/conversations/" + conversation + "/end"));
  return form;
}

function protection(conversation) {
  const row = el("div", { "class": "protection row", "data-test": "protection" });
  row.appendChild(el("span", { "class": "hint" }, text("desk.protection")));
  const warn = el("button", { type: "button", "class": "secondary small" }, text("desk.warn"));
  const endForAbuse = el("button", { type: "button", "class": "danger small" }, text("desk.end-for-abuse"));
  row.appendChild(warn);
  row.appendChild(endForAbuse);
  row.appendChild(el("span", { "class": "hint warnings", "data-test": "warnings" }, ""));
  warn.addEventListener("click", () => post("/conversations/" + conversation + "/warnings"));
  endForAbuse.addEventListener("click", () => post("/conversations/" + conversation + "/end-for-abuse"));
  return row;
}

export function showMessage(pane, message) {
  if (seen[message.id]) { return; }
  seen[message.id] = true;
  const log = pane.querySelector("ol.chat-log");
  const who = message.sender === "CUSTOMER" ? text("desk.customer") : message.sender === "AGENT" ? text("desk.me")
    : message.sender === "NOTE" ? text("chat.note") : text("chat.system");
  const item = el("li", { "class": "from-" + message.sender.toLowerCase() });
  item.appendChild(el("span", { "class": "who" }, who));
  markSupervision(item, message);
  item.appendChild(highlighted(message));
  // After the words (read as "who, what, when"); the style sheet shows it beside the sender.
  item.appendChild(timeElement(message.sentAt));
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

/** A message that arrived on the stream: for a chat open here, or the first words of one on offer. */
export function receiveMessage(message) {
  const pane = paneOf(message.conversationId);
  if (!pane) { offeredMessage(message); return; }
  const fresh = !seen[message.id];
  showMessage(pane, message);
  // Counted where the agent cannot see it: a chat the conversation list keeps out of view.
  if (fresh && message.sender !== "AGENT" && !shown(message.conversationId)) { markUnread(message.conversationId); }
}

/** The selected chat's message box takes the focus (once ended, its button to write the record). */
export function focusComposer() {
  const pane = paneOf(selected());
  const target = pane && (pane.querySelector("form.composer textarea") || pane.querySelector(".ended-note button"));
  if (target) { target.focus(); }
}

/** Ends the selected chat, as its end button does. */
export function endSelected() {
  const pane = paneOf(selected());
  const end = pane && pane.querySelector("[data-test=end-chat]");
  if (end) { end.click(); }
}

/** The selected chat's consultation record takes the focus, at its first field. */
export function focusRecord() {
  const section = contextOf(selected());
  const field = section && section.querySelector("[data-test=record] select, [data-test=record] textarea");
  if (field) { field.focus(); }
}

export function showWarnings(data) {
  const pane = paneOf(data.conversation);
  if (pane) { pane.querySelector("[data-test=warnings]").textContent = format("desk.warnings-sent", data.sent, data.required); }
}

// How long the customer has waited for an answer, so that an agent with several chats sees whom
// to answer first; late after a minute. Counted from the stored time of their first unanswered message.
function showReplyWait(pane) {
  const wait = pane.querySelector(".reply-wait");
  if (!wait) { return; }
  const since = pane.dataset.waitingSince;
  if (!since || pane.classList.contains("ended")) { wait.hidden = true; return; }
  const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 1000));
  wait.textContent = format("desk.reply-wait", Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0"));
  wait.classList.toggle("late", seconds >= REPLY_LATE_SECONDS);
  wait.hidden = false;
}

export function keepReplyWaitsCurrent() {
  setInterval(() => panes().forEach(showReplyWait), 1000);
}

// Abusive words are marked before the agent reads them (offsets index the stored body).
function highlighted(message) {
  const span = el("span", { "class": "text" });
  const flags = (message.flags || []).slice().sort((a, b) => a.start - b.start);
  let position = 0;
  flags.forEach((flag) => {
    if (flag.start < position) { return; }
    span.appendChild(document.createTextNode(message.body.substring(position, flag.start)));
    span.appendChild(el("mark", { title: flag.category, "data-category": flag.category }, message.body.substring(flag.start, flag.end)));
    position = flag.end;
  });
  span.appendChild(document.createTextNode(message.body.substring(position)));
  return span;
}

// The conversation stays readable; the record form comes first in its context. The agent may be
// typing in another chat: that one stays selected, and the ended pane offers the record instead.
export function endChat(conversation) {
  awaitRecord(conversation, "desk.conversation-ended");
  removeOffer(conversation);
}

// After a transfer the same as after the end (이관): the transferring agent records what they
// did, with the transcript up to the transfer, while the colleague records the rest.
export function transferred(conversation) {
  awaitRecord(conversation, "desk.transferred", "TRANSFERRED");
}

function awaitRecord(conversation, hint, presetDisposition) {
  const pane = paneOf(conversation);
  const section = contextOf(conversation);
  // A reconnected stream tells again of chats that ended before: those panes are ended already.
  if (pane && section && !pane.classList.contains("ended")) {
    pane.classList.add("ended");
    showReplyWait(pane);
    showAttention();
    pane.querySelector("form.composer").remove();
    const protectionRow = pane.querySelector(".protection");
    if (protectionRow) { protectionRow.remove(); }
    const ended = el("div", { "class": "ended-note row" });
    ended.appendChild(el("span", { "class": "hint", role: "status" }, text(hint)));
    const write = el("button", { type: "button", "class": "primary" }, text("desk.write-record"));
    write.addEventListener("click", () => { select(conversation); section.querySelector("[data-test=record] select").focus(); });
    ended.appendChild(write);
    pane.appendChild(ended);
    const transfer = section.querySelector("[data-test=transfer]");
    if (transfer) { transfer.remove(); }
    const record = section.querySelector("[data-test=record]") || recordForm(conversation);
    section.insertBefore(record, section.children[1]);
    record.querySelector("button[type=submit]").disabled = false;
    const later = record.querySelector(".record-later");
    if (later) { later.remove(); }
    if (presetDisposition) {
      // After the form has restored its draft (once the categories are in): the transfer decides,
      // and the draft keeps it.
      loadCategories().then(() => {
        record.querySelector("[data-test=disposition]").value = presetDisposition;
        record.dispatchEvent(new Event("change"));
      });
    }
    const current = paneOf(selected());
    if (!current || current.classList.contains("ended")) { select(conversation); }
  }
}
