// Each chat has a pane on the left (the conversation) and a context on the right (customer,
// transfer, record); only the selected chat's context shows. Working in a pane selects it.
import { showAttention } from "./attention.js";
import { el } from "./dom.js";

const chats = document.getElementById("chats");
const noChats = document.getElementById("no-chats");
const context = document.getElementById("chat-context");
const noContext = document.getElementById("no-context");

export function paneOf(conversation) {
  return chats.querySelector(".chat-pane[data-conversation='" + conversation + "']");
}

export function contextOf(conversation) {
  return context.querySelector(".context[data-conversation='" + conversation + "']");
}

export function panes() {
  return chats.querySelectorAll(".chat-pane");
}

export function select(conversation) {
  panes().forEach((pane) => pane.classList.toggle("selected", pane.dataset.conversation === conversation));
  context.querySelectorAll(".context").forEach((section) => {
    section.hidden = section.dataset.conversation !== conversation;
  });
  noContext.hidden = !!contextOf(conversation);
}

export function selected() {
  const pane = chats.querySelector(".chat-pane.selected");
  return pane ? pane.dataset.conversation : null;
}

/** The context's section, headed like its pane. */
export function contextSection(conversation, heading) {
  const section = el("section", { "class": "context", "data-conversation": conversation, "data-test": "chat-context" });
  section.appendChild(heading);
  return section;
}

export function addChat(conversation, pane, section) {
  pane.addEventListener("focusin", () => select(conversation));
  pane.addEventListener("click", () => select(conversation));
  chats.appendChild(pane);
  context.appendChild(section);
  if (!selected()) { select(conversation); } else { section.hidden = true; }
  noChats.hidden = true;
}

export function removeChat(conversation) {
  const pane = paneOf(conversation);
  const section = contextOf(conversation);
  const wasSelected = selected() === conversation;
  if (pane) { pane.remove(); }
  if (section) { section.remove(); }
  const next = chats.querySelector(".chat-pane");
  if (wasSelected) { select(next ? next.dataset.conversation : null); }
  noChats.hidden = !!next;
  showAttention();
}
