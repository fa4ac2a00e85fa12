// Offers: a card per offered chat or callback with a countdown, accept and decline. The stream
// withdraws an offer that expired or was taken; accepting opens the chat when the stream says so.
// A chat's card says what the agent is about to take: the topic, how long the customer has waited
// (ticking) and their first message as stored (masked), which may arrive while the card shows.
import { chime, notify, showAttention, withdrawNotification } from "./attention.js";
import { flaggedWarning } from "./customer-panel.js";
import { el } from "./dom.js";
import { loadQueues, withQueueName } from "./lookups.js";
import { post } from "./server.js";
import { format, text } from "./texts.js";
import { duration, secondsSince } from "./times.js";

const offers = document.getElementById("offers");

function cardOf(conversation) {
  return offers.querySelector("[data-conversation='" + conversation + "']");
}

export function showOffer(offer) {
  const card = el("div", { "class": "card offer", "data-conversation": offer.conversation, "data-test": "offer" });
  const callback = offer.kind === "callback";
  // Kind · topic (the queue the customer chose) · customer.
  const title = el("strong");
  title.appendChild(document.createTextNode(text(callback ? "desk.callback-offer" : "desk.offer") + " · "));
  const topic = el("span", { "data-test": "offer-topic", title: text("desk.offer-topic") });
  title.appendChild(topic);
  if (offer.customer) { title.appendChild(document.createTextNode(" · " + offer.customer)); }
  card.appendChild(title);
  withQueueName(offer.queue, (queue) => { topic.textContent = queue; });
  const waited = el("span", { "class": "offer-fact waited", "data-test": "offer-waited" });
  if (offer.waitingSince) { card.appendChild(waited); }
  if (!callback) {
    const first = el("q", { "class": "first-message", "data-test": "offer-first-message" });
    card.appendChild(el("span", { "class": "visually-hidden" }, text("desk.offer-first-message")));
    card.appendChild(first);
    showFirstMessage(card, offer.firstMessage);
  }
  if (offer.flagged) { card.appendChild(flaggedWarning(offer.flagged)); }
  const countdown = el("span", { "class": "countdown" });
  card.appendChild(countdown);
  const accept = el("button", { type: "button", "class": "primary", "data-accept": "", "aria-keyshortcuts": "Alt+A" }, text("desk.accept"));
  const decline = el("button", { type: "button", "class": "secondary" }, text("desk.decline"));
  accept.addEventListener("click", () => {
    // Refused (the offer expired meanwhile): the error says so, and the stale card goes.
    post(callback ? "/callbacks/" + offer.callback + "/accept" : "/offers/" + offer.conversation + "/accept")
      .then((result) => { if (result === undefined) { card.remove(); } });
  });
  decline.addEventListener("click", () => post("/offers/" + offer.conversation + "/decline"));
  card.appendChild(accept);
  card.appendChild(decline);
  offers.appendChild(card);
  accept.focus();
  showAttention();
  chime();
  // The agent may be in another tab or window: the browser tells them, if they allowed it, naming
  // the topic as the card does (once the queue names are in: the first offer may come before).
  loadQueues().catch(() => []).then((queues) => {
    const queue = queues.find((q) => q.code === offer.queue);
    if (!card.isConnected) { return; }
    notify(offer.conversation, format("desk.offer-notification", queue ? queue.name : offer.queue),
      offer.firstMessage || offer.customer || "", () => { if (accept.isConnected) { accept.focus(); } });
  });
  const expires = new Date(offer.expiresAt).getTime();
  function tick() {
    const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
    countdown.textContent = format("desk.seconds", left);
    if (offer.waitingSince) { waited.textContent = format("desk.offer-waited", duration(secondsSince(offer.waitingSince))); }
    return left > 0 && card.isConnected;
  }
  tick();
  const timer = setInterval(() => { if (!tick()) { clearInterval(timer); } }, 250);
}

function showFirstMessage(card, message) {
  const first = card.querySelector(".first-message");
  if (!first) { return; }
  first.classList.toggle("none", !message);
  first.textContent = message || text("desk.offer-no-message");
  // Long messages are cut to a line on the card; the whole one is a hover away.
  if (message) { first.title = message; } else { first.removeAttribute("title"); }
}

/** A message of a chat on offer: the customer's first words, if the card has none yet. */
export function offeredMessage(message) {
  const card = cardOf(message.conversationId);
  const first = card && card.querySelector(".first-message.none");
  if (first && message.sender === "CUSTOMER") { showFirstMessage(card, message.body); }
}

/** The oldest offer is accepted (the keyboard's way); false when none is offered. */
export function acceptOldest() {
  const accept = offers.querySelector("[data-test=offer] button[data-accept]");
  if (!accept) { return false; }
  accept.click();
  return true;
}

export function removeOffer(conversation) {
  const card = cardOf(conversation);
  if (card) { card.remove(); }
  withdrawNotification(conversation);
  showAttention();
}
