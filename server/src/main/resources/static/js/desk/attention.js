// An agent often works in another window (the knowledge base, the CRM): the tab's title counts
// the offers and the customers waiting for an answer, and an offer sounds a short tone.
const pageTitle = document.title;
const offers = document.getElementById("offers");
const chats = document.getElementById("chats");

export function showAttention() {
  const waiting = offers.children.length + chats.querySelectorAll(".chat-pane[data-waiting-since]:not(.ended)").length;
  document.title = (waiting ? "(" + waiting + ") " : "") + pageTitle;
}

let sound = null;

/** Browsers let a page sound only after the user acted on it; the agent clicks before any offer. */
export function allowTone() {
  document.addEventListener("click", () => {
    if (!sound && window.AudioContext) { sound = new AudioContext(); }
  });
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
