// A left message routed to me: what the customer wrote, who they are (masked), the number revealed
// with a reason; the agent calls back by phone outside this screen, then saves the record.
import { el, fact, when } from "./dom.js";
import { addChat, contextSection, paneOf } from "./layout.js";
import { withQueueName } from "./lookups.js";
import { removeOffer } from "./offers.js";
import { recordForm } from "./record.js";
import { post } from "./server.js";
import { text } from "./texts.js";

export function openCallback(callback) {
  removeOffer(callback.conversation);
  if (paneOf(callback.conversation)) { return; }
  const pane = el("article", { "class": "card chat-pane callback-pane", "data-conversation": callback.conversation, "data-test": "callback-pane" });
  const heading = el("h2");
  const contextHeading = el("h2");
  withQueueName(callback.queue, (queue) => {
    heading.textContent = text("desk.callback") + " · " + queue;
    contextHeading.textContent = heading.textContent;
  });
  pane.appendChild(heading);
  const facts = el("dl", { "class": "facts", "data-test": "callback-facts" });
  fact(facts, text("desk.callback-left-at"), when(callback.leftAt));
  fact(facts, text("desk.callback-customer"), callback.customer, true);
  fact(facts, text("desk.callback-phone"), callback.phone, true);
  fact(facts, text("desk.callback-message"), callback.message);
  pane.appendChild(facts);
  pane.appendChild(el("p", { "class": "hint" }, text("desk.callback-hint")));
  const unmask = el("form", { "class": "stacked unmask", "data-test": "callback-unmask" });
  const reason = el("input", { type: "text", maxlength: "400", required: "", "aria-label": text("desk.callback-unmask-reason"),
                               placeholder: text("desk.callback-unmask-reason") });
  unmask.appendChild(reason);
  unmask.appendChild(el("button", { type: "submit", "class": "secondary" }, text("desk.callback-unmask")));
  unmask.addEventListener("submit", (event) => {
    event.preventDefault();
    post("/callbacks/" + callback.callback + "/unmask", { reason: reason.value }).then((body) => {
      if (!body) { return; }
      const clear = JSON.parse(body);
      const shown = el("dl", { "class": "facts unmasked", "data-test": "callback-unmasked" });
      fact(shown, text("desk.callback-customer"), clear.name);
      fact(shown, text("desk.callback-phone"), clear.phone);
      unmask.replaceWith(shown);
    });
  });
  pane.appendChild(unmask);
  const section = contextSection(callback.conversation, contextHeading);
  section.appendChild(recordForm(callback.conversation, "/callbacks/" + callback.callback + "/finish", "desk.callback-done"));
  addChat(callback.conversation, pane, section);
}
