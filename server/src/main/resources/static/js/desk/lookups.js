// The center's lists the desk shows (queues, categories, colleagues), each asked for once per page
// except colleagues: who is logged in changes.
import { el } from "./dom.js";
import { named } from "./texts.js";

let queues = null;
export function loadQueues() {
  if (!queues) { queues = fetch("/desk/api/queues").then((r) => r.json()); }
  return queues;
}

let categories = null;
export function loadCategories() {
  if (!categories) { categories = fetch("/desk/api/categories").then((r) => r.json()); }
  return categories;
}

/** The queue's name in the page's language, once known; its code until then. */
export function withQueueName(code, show) {
  show(code);
  loadQueues().then((list) => list.forEach((q) => { if (q.code === code) { show(q.name); } }));
}

/** Refills the colleague list (who is logged in changes), keeping the choice if still there. */
export function loadColleagues(select) {
  fetch("/desk/api/colleagues").then((r) => (r.ok ? r.json() : [])).then((colleagues) => {
    const chosen = select.value;
    while (select.options.length > 1) { select.remove(1); }
    colleagues.forEach((c) => {
      select.appendChild(el("option", { value: c.username }, c.name + " (" + c.username + ") · " + named("desk.state.", c.state)));
    });
    select.value = chosen;
    if (select.value !== chosen) { select.value = ""; }
  });
}
