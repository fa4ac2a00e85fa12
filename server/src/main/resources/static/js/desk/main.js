// The agent desktop: state in one click, offers with a countdown, chats side by side. Everything
// shown comes from the server's stream; actions are plain POSTs and the stream reports the result.
// This module only wires the others together (docs/adr/0014-desk-script-modules.md).
import { allowTone, offerNotifications } from "./attention.js";
import { openCallback } from "./callback.js";
import {
  endChat, endSelected, focusComposer, focusRecord, keepReplyWaitsCurrent, openChat, receiveMessage, showWarnings, transferred
} from "./chat-pane.js";
import { refreshHistory } from "./customer-panel.js";
import { focusKnowledge } from "./knowledge-panel.js";
import { keepListCurrent, selectNext } from "./layout.js";
import { acceptOldest, removeOffer, showOffer } from "./offers.js";
import { showPresence } from "./presence.js";
import { post } from "./server.js";
import { recordDue, setState } from "./state-bar.js";
import { connect } from "./stream.js";
import { listenForShortcuts } from "./shortcuts.js";

document.querySelectorAll("[data-action]").forEach((button) => {
  button.addEventListener("click", () => {
    const action = button.dataset.action;
    post("/" + action, action === "not-ready" ? { reason: document.getElementById("not-ready-reason").value } : null);
  });
});
allowTone();
offerNotifications();
keepReplyWaitsCurrent();
keepListCurrent();
listenForShortcuts({
  KeyA: acceptOldest,
  KeyM: focusComposer,
  KeyN: () => { if (selectNext(1)) { focusComposer(); } },
  KeyP: () => { if (selectNext(-1)) { focusComposer(); } },
  KeyX: endSelected,
  KeyR: focusRecord,
  KeyK: focusKnowledge
});
// A saved record belongs to the customer's history: the panels showing that customer show it.
document.getElementById("chat-context").addEventListener("record-saved", (event) => refreshHistory(event.detail.conversation));

connect("/desk/api/stream", {
  "state": (data) => setState(data.state),
  "offer": showOffer,
  "offer-withdrawn": (data) => removeOffer(data.conversation),
  "connected": openChat,
  "callback": openCallback,
  "message": receiveMessage,
  "ended": (data) => { endChat(data.conversation); recordDue(data.conversation); },
  "transferred": (data) => { transferred(data.conversation); recordDue(data.conversation); },
  "warnings": showWarnings,
  "customer-presence": showPresence
});
