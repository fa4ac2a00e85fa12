// Whether a connected chat's customer is still there. The server says so on the desk stream
// (customer-presence: {conversation, present}) once the customer has had no stream and sent no
// request for the center's set time, and again when they come back; a desk that reconnects is told
// after the chats themselves. A pane not open here is left alone.
import { el } from "./dom.js";
import { paneOf } from "./layout.js";
import { text } from "./texts.js";

export function showPresence(data) {
  const pane = paneOf(data.conversation);
  if (!pane) { return; }
  let note = pane.querySelector(".customer-gone");
  if (!note) {
    note = el("span", { "class": "customer-gone", role: "status", "data-test": "customer-gone" }, text("desk.customer-gone"));
    (pane.querySelector(".pane-header") || pane).appendChild(note);
  }
  note.hidden = !!data.present;
  pane.classList.toggle("customer-away", !data.present);
}
