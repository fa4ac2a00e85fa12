// The state bar: the agent's routing state, only the actions that make sense in it, and how many
// consultation records are still to write. Under the center's "until recorded" wrap-up rule the
// server refuses 상담 가능 and 후처리 완료 while a record is unsaved (records-unwritten); the bar
// hides them then rather than offer a button that can only fail, and says what is left to do.
import { format, named } from "./texts.js";

const bar = document.querySelector(".desk-bar");
const stateLabel = document.getElementById("agent-state");
const countBadge = document.getElementById("records-to-write");
const recordsHint = document.getElementById("records-hint");
const untilRecorded = bar.dataset.wrapUpRule === "UNTIL_RECORDED";
// Chats ended or transferred whose record this desk has not saved yet: the stream names them again
// after a reload (the server keeps the same list), so the count survives one.
const unwritten = new Set();
let state = null;

function allowed(control) {
  if (!state || !control.dataset.shownIn.split(" ").includes(state)) { return false; }
  const action = control.dataset.action;
  if (untilRecorded && unwritten.size > 0 && (action === "ready" || action === "wrap-up-done")) { return false; }
  return true;
}

function render() {
  const controls = bar.querySelectorAll("[data-shown-in]");
  const hadFocus = bar.contains(document.activeElement) ? document.activeElement : null;
  controls.forEach((control) => { control.hidden = !allowed(control); });
  countBadge.hidden = unwritten.size === 0;
  countBadge.textContent = format("desk.records-to-write", unwritten.size);
  recordsHint.hidden = !(untilRecorded && unwritten.size > 0);
  // A button that just did its work may vanish with the state it changed: keep the keyboard in the
  // bar (on the first action now offered) instead of dropping focus to the page.
  if (hadFocus && hadFocus.closest("[hidden]")) {
    const next = Array.from(bar.querySelectorAll("button")).find((button) => !button.closest("[hidden]"));
    if (next) { next.focus(); }
  }
}

export function setState(next) {
  state = next;
  stateLabel.textContent = named("desk.state.", next);
  stateLabel.dataset.state = next;
  render();
}

/** A chat ended or was transferred: its record is to write. */
export function recordDue(conversation) {
  unwritten.add(conversation);
  render();
}

/** Its record is saved. */
export function recordSaved(conversation) {
  unwritten.delete(conversation);
  render();
}
