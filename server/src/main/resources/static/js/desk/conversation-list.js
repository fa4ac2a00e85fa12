// The conversation list: shown when the chats no longer fit side by side (layout.js decides), it
// names every chat with its reply timer and unread count, and choosing one shows its pane. The
// list mirrors the panes (their heading, reply wait and ended state) instead of keeping a second
// copy of each chat's state, so it cannot disagree with what the pane shows.
import { el } from "./dom.js";
import { format, text } from "./texts.js";
import { duration, secondsSince } from "./times.js";

const list = document.getElementById("conversation-list");
const items = list.querySelector("ul");
const unread = {};
let choose = () => {};

/** What choosing a chat in the list does (layout.js: select it). */
export function onChoose(select) {
  choose = select;
}

function itemOf(conversation) {
  return items.querySelector("button[data-conversation='" + conversation + "']");
}

export function addItem(conversation) {
  const button = el("button", { type: "button", "class": "conversation", "data-conversation": conversation, "data-test": "conversation" });
  button.appendChild(el("span", { "class": "name" }));
  const status = el("span", { "class": "status" });
  status.appendChild(el("span", { "class": "wait", "data-test": "list-wait" }));
  const count = el("span", { "class": "unread", "data-test": "unread", hidden: "" });
  count.appendChild(el("span", { "aria-hidden": "true" }));
  count.appendChild(el("span", { "class": "visually-hidden" }));
  status.appendChild(count);
  button.appendChild(status);
  button.addEventListener("click", () => choose(conversation));
  const item = el("li");
  item.appendChild(button);
  items.appendChild(item);
}

export function removeItem(conversation) {
  const button = itemOf(conversation);
  if (button) { button.parentElement.remove(); }
  delete unread[conversation];
}

export function showList(shown) {
  list.hidden = !shown;
}

export function listShown() {
  return !list.hidden;
}

/** A message the agent has not seen: the chat is not the one shown. */
export function markUnread(conversation) {
  unread[conversation] = (unread[conversation] || 0) + 1;
  showUnread(conversation);
}

/** The chosen chat is marked as current and its messages count as read. */
export function markSelected(conversation) {
  items.querySelectorAll("button.conversation").forEach((button) => {
    if (button.dataset.conversation === conversation) {
      button.setAttribute("aria-current", "true");
    } else {
      button.removeAttribute("aria-current");
    }
  });
  if (conversation) {
    delete unread[conversation];
    showUnread(conversation);
  }
}

function showUnread(conversation) {
  const button = itemOf(conversation);
  if (!button) { return; }
  const count = button.querySelector(".unread");
  const number = unread[conversation] || 0;
  count.hidden = number === 0;
  count.firstChild.textContent = String(number);
  count.lastChild.textContent = format("desk.unread", number);
  button.classList.toggle("has-unread", number > 0);
}

/** Brings each item up to date with its pane: name, reply wait (late as the pane says), ended. */
export function refreshItems(paneOf) {
  items.querySelectorAll("button.conversation").forEach((button) => {
    const pane = paneOf(button.dataset.conversation);
    if (!pane) { return; }
    const heading = pane.querySelector("h2");
    button.querySelector(".name").textContent = heading ? heading.textContent : "";
    const wait = button.querySelector(".wait");
    const ended = pane.classList.contains("ended");
    const since = pane.dataset.waitingSince;
    const paneWait = pane.querySelector(".reply-wait");
    button.classList.toggle("ended", ended);
    if (ended) {
      wait.textContent = text("desk.list-ended");
      wait.classList.remove("late");
    } else if (since) {
      wait.textContent = format("desk.reply-wait", duration(secondsSince(since)));
      wait.classList.toggle("late", !!paneWait && paneWait.classList.contains("late"));
    } else {
      wait.textContent = "";
      wait.classList.remove("late");
    }
  });
}
