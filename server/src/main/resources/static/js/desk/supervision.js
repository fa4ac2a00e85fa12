// What a supervisor adds to a chat on the desk (issue 17): a whisper, which only the agent reads
// and the customer never receives, and the messages of a supervisor who joined the chat, each
// marked as such. A take-over arrives as a transfer (the chat leaves the agent, who records their
// part), so it needs nothing here.
import { text } from "./texts.js";

/** Marks a message of the chat log that came from a supervisor; others are left as they are. */
export function markSupervision(item, message) {
  if (message.sender !== "WHISPER" && message.sender !== "SUPERVISOR") { return; }
  item.querySelector(".who").textContent = text(message.sender === "WHISPER" ? "desk.whisper" : "desk.supervisor");
  item.dataset.test = message.sender === "WHISPER" ? "whisper" : "supervisor-message";
}
