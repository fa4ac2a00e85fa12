// Times on the desk read as the center's clock (its time zone, given in the desk's data-time-zone),
// not the agent's computer's: a center in Seoul with an agent whose laptop says UTC still reads 14:05.
import { el } from "./dom.js";

const zone = document.getElementById("desk").dataset.timeZone || undefined;
const language = document.documentElement.lang || undefined;

function parts(instant, options) {
  const result = {};
  new Intl.DateTimeFormat(language, Object.assign({ timeZone: zone, hourCycle: "h23" }, options))
    .formatToParts(new Date(instant)).forEach((part) => { result[part.type] = part.value; });
  return result;
}

/** HH:mm in the center's zone, the same in every language. */
export function clockTime(instant) {
  const p = parts(instant, { hour: "2-digit", minute: "2-digit" });
  // Some engines write midnight as 24 even with h23.
  return (p.hour === "24" ? "00" : p.hour) + ":" + p.minute;
}

/** The full date and time in the page's language, with the zone, for a tooltip. */
export function fullTime(instant) {
  return new Intl.DateTimeFormat(language, {
    timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit",
    second: "2-digit", hourCycle: "h23", timeZoneName: "short"
  }).format(new Date(instant));
}

/** A time element: HH:mm shown, the full date and time on hover and for assistive technology. */
export function timeElement(instant) {
  const full = fullTime(instant);
  return el("time", { "class": "at", datetime: new Date(instant).toISOString(), title: full }, clockTime(instant));
}

/** Seconds as m:ss (h:mm:ss past an hour), for waits. */
export function duration(seconds) {
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours ? hours + ":" + String(minutes).padStart(2, "0") + ":" + rest : minutes + ":" + rest;
}

/** Seconds since the instant, never negative (the server's clock may run a little ahead). */
export function secondsSince(instant) {
  return Math.max(0, Math.floor((Date.now() - Date.parse(instant)) / 1000));
}

/** A customer waiting this long for an answer is shown late (the pane's timer and the list's alike). */
export const REPLY_LATE_SECONDS = 60;
