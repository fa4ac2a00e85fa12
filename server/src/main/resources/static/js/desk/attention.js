// An agent often works in another window (the knowledge base, the CRM): the tab's title counts
// the offers and the customers waiting for an answer, an offer sounds a short tone, and while the
// tab is hidden an offer shows a browser notification (if the agent allowed them) and the title
// blinks (also where notifications are not allowed or not available).
import { text } from "./texts.js";

const pageTitle = document.title;
const offers = document.getElementById("offers");
const chats = document.getElementById("chats");
const notifyButton = document.getElementById("desk-notify");
const notifyState = document.getElementById("desk-notify-state");

function counted() {
  const waiting = offers.children.length + chats.querySelectorAll(".chat-pane[data-waiting-since]:not(.ended)").length;
  return (waiting ? "(" + waiting + ") " : "") + pageTitle;
}

export function showAttention() {
  document.title = counted();
  blink();
}

let blinking = null;

// Alternates the title while an offer waits in a hidden tab: the tab strip shows it moving.
function blink() {
  const wanted = document.hidden && offers.children.length > 0;
  if (wanted && !blinking) {
    let marked = false;
    blinking = setInterval(() => {
      marked = !marked;
      document.title = marked ? text("desk.offer-blink") + " · " + pageTitle : counted();
    }, 1000);
  } else if (!wanted && blinking) {
    clearInterval(blinking);
    blinking = null;
    document.title = counted();
  }
}

let sound = null;

/** Browsers let a page sound only after the user acted on it; the agent clicks before any offer. */
export function allowTone() {
  document.addEventListener("click", () => {
    if (!sound && window.AudioContext) { sound = new AudioContext(); }
  });
  document.addEventListener("visibilitychange", blink);
}

export function chime() {
  if (!sound) { return; }
  const tone = sound.createOscillator();
  const volume = sound.createGain();
  tone.frequency.value = 880;
  volume.gain.setValueAtTime(0.15, sound.currentTime);
  volume.gain.exponentialRampToValueAtTime(0.001, sound.currentTime + 0.4);
  tone.connect(volume).connect(sound.destination);
  tone.start();
  tone.stop(sound.currentTime + 0.4);
}

function notifications() {
  return "Notification" in window;
}

function showPermission() {
  const permission = Notification.permission;
  notifyButton.hidden = permission !== "default";
  notifyState.hidden = permission === "default";
  notifyState.textContent = text(permission === "granted" ? "desk.notifications.on" : "desk.notifications.blocked");
}

/**
 * The button that asks for the browser's permission to notify: browsers ask only on a user's
 * gesture, never on page load (and a request without one is refused for good in some browsers).
 */
export function offerNotifications() {
  if (!notifications()) { return; }
  showPermission();
  notifyButton.addEventListener("click", () => {
    Notification.requestPermission().then(showPermission);
  });
}

const shown = {};

/** A notification while the tab is hidden; clicking it brings the desk forward and calls back. */
export function notify(key, title, body, clicked) {
  if (!document.hidden || !notifications() || Notification.permission !== "granted") { return; }
  try {
    const notification = new Notification(title, { body: body, tag: "sangdam-" + key, lang: document.documentElement.lang });
    notification.addEventListener("click", () => {
      window.focus();
      clicked();
      notification.close();
    });
    shown[key] = notification;
  } catch (e) {
    // Some browsers (Chrome on Android) notify only through a service worker: the blinking title remains.
  }
}

/** The offer went (taken, declined, expired): its notification is no longer true. */
export function withdrawNotification(key) {
  if (shown[key]) {
    shown[key].close();
    delete shown[key];
  }
}
