// Transfer to a queue, or to a colleague first, with a note the next agent reads first.
import { el, labelled } from "./dom.js";
import { loadColleagues, loadQueues } from "./lookups.js";
import { post } from "./server.js";
import { text } from "./texts.js";

export function transferForm(conversation) {
  const form = el("form", { "class": "stacked transfer", "data-test": "transfer" });
  form.appendChild(el("h3", {}, text("desk.transfer")));
  const queueSelect = el("select");
  form.appendChild(labelled(text("desk.transfer-to"), queueSelect));
  loadQueues().then((queues) => {
    queues.forEach((q) => queueSelect.appendChild(el("option", { value: q.code }, q.name)));
  });
  // A colleague is optional: chosen, they get the chat first for a minute, then anyone in the queue.
  const agentSelect = el("select", { "data-test": "transfer-agent" });
  agentSelect.appendChild(el("option", { value: "" }, text("desk.transfer-any-agent")));
  agentSelect.addEventListener("focus", () => loadColleagues(agentSelect));
  loadColleagues(agentSelect);
  const agentLabel = labelled(text("desk.transfer-to-agent"), agentSelect);
  agentLabel.appendChild(el("span", { "class": "hint" }, text("desk.transfer-agent-hint")));
  form.appendChild(agentLabel);
  const note = el("input", { type: "text", maxlength: "500" });
  form.appendChild(labelled(text("desk.transfer-note"), note));
  form.appendChild(el("button", { type: "submit", "class": "secondary" }, text("desk.transfer")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    post("/conversations/" + conversation + "/transfer", { queue: queueSelect.value, agent: agentSelect.value || null, note: note.value });
  });
  return form;
}
