// Offers: a card per offered chat or callback with a countdown, accept and decline. The stream
// withdraws an offer that expired or was taken; accepting opens the chat when the stream says so.
import { chime, showAttention } from "./attention.js";
import { flaggedWarning } from "./customer-panel.js";
import { el } from "./dom.js";
import { withQueueName } from "./lookups.js";
import { post } from "./server.js";
import { format, text } from "./texts.js";

const offers = document.getElementById("offers");

export function showOffer(offer) {
  const card = el("div", { "class": "card offer", "data-conversation": offer.conversation, "data-test": "offer" });
  const callback = offer.kind === "callback";
  const title = el("strong");
  withQueueName(offer.queue, (queue) => {
    title.textContent = text(callback ? "desk.callback-offer" : "desk.offer") + " · " + queue + (offer.customer ? " · " + offer.customer : "");
  });
  card.appendChild(title);
  if (offer.flagged) { card.appendChild(flaggedWarning(offer.flagged)); }
  const countdown = el("span", { "class": "countdown" });
  card.appendChild(countdown);
  const accept = el("button", { type: "button", "class": "primary" }, text("desk.accept"));
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
  const expires = new Date(offer.expiresAt).getTime();
  const timer = setInterval(() => {
    const left = Math.max(0, Math.round((expires - Date.now()) / 1000));
    countdown.textContent = " " + format("desk.seconds", left);
    if (left === 0 || !card.isConnected) { clearInterval(timer); }
  }, 250);
}

export function removeOffer(conversation) {
  const card = offers.querySelector("[data-conversation='" + conversation + "']");
  if (card) { card.remove(); }
  showAttention();
}
