// Each chat has a pane on the left (the conversation) and a context on the right (customer,
// transfer, record); only the selected chat's context shows. Working in a pane selects it.
// While the panes fit side by side, all show; with more chats than fit (four on a laptop), the
// conversation list appears and only the selected chat's pane shows beside it.
import { showAttention } from "./attention.js";
import { addItem, listShown, markSelected, onChoose, refreshItems, removeItem, showList } from "./conversation-list.js";
import { el } from "./dom.js";

const work = document.querySelector(".desk-work");
const chats = document.getElementById("chats");
const noChats = document.getElementById("no-chats");
const context = document.getElementById("chat-context");
const noContext = document.getElementById("no-context");
// Below this width the desk stacks its columns (sangdam.css): every pane shows, one under another.
const stacked = window.matchMedia("(max-width: 900px)");

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
  markSelected(conversation);
  // A pane the list had hidden kept its scroll position at the top: show its latest messages.
  const pane = paneOf(conversation);
  const log = pane && pane.querySelector(".chat-log");
  if (log && listShown()) { log.scrollTop = log.scrollHeight; }
}

export function selected() {
  const pane = chats.querySelector(".chat-pane.selected");
  return pane ? pane.dataset.conversation : null;
}

/** Whether the chat's pane is in view: all are side by side; with the list, only the selected one. */
export function shown(conversation) {
  return !listShown() || selected() === conversation;
}

/** Selects the chat after (step 1) or before (-1) the selected one, round the end; its pane, or null. */
export function selectNext(step) {
  const all = Array.from(panes());
  if (!all.length) { return null; }
  const at = all.findIndex((pane) => pane.classList.contains("selected"));
  const next = all[(at + step + all.length) % all.length];
  select(next.dataset.conversation);
  return next;
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
  addItem(conversation);
  if (!selected()) { select(conversation); } else { section.hidden = true; }
  noChats.hidden = true;
  arrange();
}

export function removeChat(conversation) {
  const pane = paneOf(conversation);
  const section = contextOf(conversation);
  const wasSelected = selected() === conversation;
  if (pane) { pane.remove(); }
  if (section) { section.remove(); }
  removeItem(conversation);
  const next = chats.querySelector(".chat-pane");
  if (wasSelected) { select(next ? next.dataset.conversation : null); }
  noChats.hidden = !!next;
  arrange();
  showAttention();
}

// How many panes fit side by side in the width the chats have without the list: the pane's
// minimum width comes from the style sheet, so the two cannot disagree.
function fitting() {
  if (stacked.matches) { return Infinity; }
  const pane = chats.querySelector(".chat-pane");
  const minimum = pane ? parseFloat(getComputedStyle(pane).minWidth) || 270 : 270;
  const paneGap = parseFloat(getComputedStyle(chats).columnGap) || 0;
  const workGap = parseFloat(getComputedStyle(work).columnGap) || 0;
  const width = work.clientWidth - context.getBoundingClientRect().width - workGap;
  return Math.max(1, Math.floor((width + paneGap) / (minimum + paneGap)));
}

/** Side by side, or the list and the selected pane: decided again as chats come and go and the window changes. */
export function arrange() {
  const listed = panes().length > fitting();
  if (listed === listShown()) { return; }
  showList(listed);
  work.classList.toggle("listed", listed);
  refreshItems(paneOf);
  const current = selected();
  if (current) { select(current); }
}

/** The list's items follow their panes (reply timers tick); choosing an item selects its chat. */
export function keepListCurrent() {
  onChoose(select);
  setInterval(() => { if (listShown()) { refreshItems(paneOf); } }, 1000);
  new ResizeObserver(arrange).observe(work);
}
