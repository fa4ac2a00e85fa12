// What the customer and the bot said before the chat reached this agent (issue 18): a block of its own
// above the chat's messages, not messages of the chat, so the reply timer, the offer's first words and
// the consultation record stay about the conversation with the center (docs/adr/0027).
import { el } from "./dom.js";
import { format, named, text } from "./texts.js";
import { timeElement } from "./times.js";

export function showBotConversation(pane, conversation) {
  fetch("/desk/api/conversations/" + conversation + "/bot").then((response) => {
    if (response.status !== 200) { return null; }
    return response.json();
  }).then((bot) => {
    if (!bot || pane.querySelector("[data-test=bot-conversation]")) { return; }
    const section = el("section", { "class": "bot-conversation", "data-test": "bot-conversation" });
    const heading = el("h3", { id: "bot-" + conversation }, text("desk.bot"));
    section.setAttribute("aria-labelledby", heading.id);
    section.appendChild(heading);
    section.appendChild(el("p", { "class": "hint", "data-test": "bot-reason" },
      format("desk.bot.reason", named("desk.bot.reason.", bot.reason))));
    const list = el("ol");
    bot.exchanges.forEach((exchange) => {
      const item = el("li");
      item.appendChild(el("span", { "class": "who" }, text("desk.customer")));
      item.appendChild(el("span", { "class": "text" }, " " + exchange.question + " "));
      item.appendChild(timeElement(exchange.askedAt));
      list.appendChild(item);
      list.appendChild(el("li", { "class": "bot-said" }, botSaid(exchange)));
      if (exchange.helpful !== null && exchange.helpful !== undefined) {
        list.appendChild(el("li", { "class": "bot-said" }, text(exchange.helpful ? "desk.bot.helpful" : "desk.bot.unhelpful")));
      }
    });
    section.appendChild(list);
    pane.insertBefore(section, pane.querySelector("ol.chat-log"));
  }).catch(() => { /* the chat goes on without it; the agent can ask the customer */ });
}

function botSaid(exchange) {
  if (exchange.kind === "ANSWER") { return format("desk.bot.answered", exchange.chosen || exchange.answers.join(", ")); }
  if (exchange.kind === "CHOICE") {
    return exchange.chosen ? format("desk.bot.answered", exchange.chosen) : format("desk.bot.offered", exchange.answers.join(" / "));
  }
  if (exchange.kind === "NONE") { return text("desk.bot.nothing"); }
  return text("desk.bot.handoff");
}
