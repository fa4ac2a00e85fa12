// Consultation scripts (상담 스크립트) beside a chat: the pane's 스크립트 button opens a panel at the top
// of the chat's context, where the agent chooses a script and follows it step by step: the current
// step's text with its variables filled in, a button per choice, back one step, and the path so far.
// Every step is stored on the server as it is taken, so a reload resumes where the agent was; the
// path is shown in the record form, since it is saved with the record (docs/adr/0024).
// Variables in double braces: the customer's name as this desk shows it (masked unless unmasked),
// the product the agent types, and the agent's and center's names from the server.
import { el } from "./dom.js";
import { contextOf } from "./layout.js";
import { customerName } from "./quick-replies.js";
import { post } from "./server.js";
import { format, named, text } from "./texts.js";

let followable = null;
// The run each chat's panel shows last, for the record's notice once it is saved.
const shownRuns = {};

function loadFollowable() {
  if (!followable) {
    followable = fetch("/desk/api/scripts")
      .then((response) => (response.ok ? response.json() : { scripts: [], variables: {}, customerVariables: [], typedVariables: [] }))
      .catch(() => ({ scripts: [], variables: {}, customerVariables: [], typedVariables: [] }));
  }
  return followable;
}

function runPath(conversation) {
  return "/conversations/" + conversation + "/script-run";
}

function loadRun(conversation) {
  return fetch("/desk/api" + runPath(conversation))
    .then((response) => (response.status === 200 ? response.json() : null))
    .catch(() => null);
}

/** Gives the chat's pane its 스크립트 button, and reopens the panel of a run under way (after a reload). */
export function attachScripts(pane, chat) {
  const header = pane.querySelector(".pane-header");
  const button = el("button", { type: "button", "class": "secondary small", "data-test": "script-open",
    "aria-expanded": "false", "aria-controls": "script-panel-" + chat.conversation }, text("desk.scripts.open"));
  header.appendChild(button);
  button.addEventListener("click", () => {
    const panel = panelOf(chat.conversation);
    if (panel && !panel.hidden) { close(chat.conversation, button); return; }
    open(chat, button).then((opened) => { const first = opened.querySelector("select, button"); if (first) { first.focus(); } });
  });
  // Saved: the form gives way to a notice, under which the path stays until the chat closes.
  contextOf(chat.conversation).addEventListener("record-saved", () => setTimeout(() => {
    const run = shownRuns[chat.conversation];
    const notice = contextOf(chat.conversation) && contextOf(chat.conversation).querySelector("p.notice");
    if (run && notice) { notice.after(recordBlock(run)); }
  }, 0));
  loadRun(chat.conversation).then((run) => {
    if (run && run.consultationId === null && run.status !== "ABANDONED") { open(chat, button, run); }
  });
}

function panelOf(conversation) {
  const section = contextOf(conversation);
  return section && section.querySelector("[data-test=script-panel]");
}

function close(conversation, button) {
  const panel = panelOf(conversation);
  if (panel) { panel.hidden = true; }
  button.setAttribute("aria-expanded", "false");
  button.focus();
}

function open(chat, button, known) {
  const section = contextOf(chat.conversation);
  let panel = panelOf(chat.conversation);
  if (!panel) {
    panel = el("aside", { "class": "script-panel", "data-test": "script-panel", id: "script-panel-" + chat.conversation,
      "aria-label": text("desk.scripts.title") });
    // First in the context, under its heading: the script is what the agent reads while typing.
    section.insertBefore(panel, section.children[1] || null);
  }
  panel.hidden = false;
  button.setAttribute("aria-expanded", "true");
  const run = known ? Promise.resolve(known) : loadRun(chat.conversation);
  return Promise.all([loadFollowable(), run]).then(([book, current]) => {
    render(panel, chat, book, current && current.consultationId === null && current.status !== "ABANDONED" ? current : null, button);
    return panel;
  });
}

function render(panel, chat, book, run, button) {
  panel.replaceChildren();
  const head = el("div", { "class": "script-panel-head" });
  head.appendChild(el("h3", {}, run ? format("desk.scripts.heading", run.title, run.version) : text("desk.scripts.title")));
  const closeButton = el("button", { type: "button", "class": "link" }, text("desk.scripts.close"));
  closeButton.addEventListener("click", () => close(chat.conversation, button));
  head.appendChild(closeButton);
  panel.appendChild(head);
  if (!run) {
    panel.appendChild(chooser(panel, chat, book, button));
  } else {
    follow(panel, chat, book, run, button);
  }
  showInRecord(chat.conversation, run);
}

function chooser(panel, chat, book, button) {
  const form = el("form", { "class": "script-chooser row", "data-test": "script-chooser" });
  if (!book.scripts.length) {
    form.appendChild(el("p", { "class": "hint" }, text("desk.scripts.none")));
    return form;
  }
  const select = el("select", { "data-test": "script-choose" });
  book.scripts.forEach((script) => select.appendChild(el("option", { value: script.id }, script.title)));
  const label = el("label");
  label.appendChild(el("span", {}, text("desk.scripts.choose")));
  label.appendChild(select);
  form.appendChild(label);
  form.appendChild(el("button", { type: "submit", "class": "primary small", "data-test": "script-start" }, text("desk.scripts.start")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    act(panel, chat, book, button, runPath(chat.conversation), { script: Number(select.value) });
  });
  return form;
}

// Posts a step of the run; the answer is the run as stored, drawn again with the focus on its step.
function act(panel, chat, book, button, path, body) {
  return post(path, body).then((answer) => {
    if (!answer) { return; }
    const run = JSON.parse(answer);
    render(panel, chat, book, run.status === "ABANDONED" ? null : run, button);
    const step = panel.querySelector("[data-test=script-step]");
    const focus = step || panel.querySelector("select");
    if (focus) { focus.focus(); }
  });
}

function filled(value, chat, book, run) {
  const values = Object.assign({}, book.variables);
  (book.customerVariables || []).forEach((name) => { values[name] = customerName(chat.conversation, chat); });
  const product = run.variables["상품"];
  (book.typedVariables || []).forEach((name) => { values[name] = product || "[" + text("desk.scripts.product") + "]"; });
  // A function as replacement: a value with "$&" in it is written as it is.
  return value.replace(/\{\{\s*([^{}\s]{1,20})\s*\}\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function stepOf(run, key) {
  return run.graph.steps.find((step) => step.key === key);
}

function follow(panel, chat, book, run, button) {
  const step = stepOf(run, run.current);
  const current = el("section", { "class": "script-step kind-" + step.kind.toLowerCase(), "data-test": "script-step",
    tabindex: "-1", "aria-live": "polite" });
  const title = el("p", { "class": "script-step-title" });
  title.appendChild(el("span", { "class": "chip" }, named("desk.scripts.kind.", step.kind)));
  title.appendChild(el("strong", {}, filled(step.title, chat, book, run)));
  current.appendChild(title);
  current.appendChild(el("p", { "class": "script-step-text", "data-test": "script-step-text" }, filled(step.text, chat, book, run)));
  if (run.status === "FINISHED") {
    current.appendChild(el("p", { "class": "notice", role: "status" }, text("desk.scripts.finished")));
  }
  panel.appendChild(current);

  if (run.status === "ACTIVE") {
    const choices = el("div", { "class": "script-choices row", role: "group", "aria-label": step.title });
    step.choices.forEach((choice, index) => {
      const choiceButton = el("button", { type: "button", "class": step.kind === "ASK" ? "secondary" : "primary", "data-test": "script-choice" },
        choice.label || text("desk.scripts.next"));
      choiceButton.addEventListener("click", () => act(panel, chat, book, button, runPath(chat.conversation) + "/choices", { choice: index }));
      choices.appendChild(choiceButton);
    });
    panel.appendChild(choices);
  }

  const tools = el("div", { "class": "row script-tools" });
  const taken = run.path.filter((entry) => !entry.withdrawn);
  const back = el("button", { type: "button", "class": "secondary small", "data-test": "script-back" }, text("desk.scripts.back"));
  back.disabled = taken.length < 2;
  back.addEventListener("click", () => act(panel, chat, book, button, runPath(chat.conversation) + "/back"));
  tools.appendChild(back);
  if (run.status === "ACTIVE") {
    const stop = el("button", { type: "button", "class": "link", "data-test": "script-abandon" }, text("desk.scripts.abandon"));
    stop.addEventListener("click", () => act(panel, chat, book, button, runPath(chat.conversation) + "/abandon"));
    tools.appendChild(stop);
  } else {
    const another = el("button", { type: "button", "class": "link", "data-test": "script-another" }, text("desk.scripts.another"));
    another.addEventListener("click", () => render(panel, chat, book, null, button));
    tools.appendChild(another);
  }
  panel.appendChild(tools);

  if (run.status === "ACTIVE") { panel.appendChild(productForm(panel, chat, book, run, button)); }
  panel.appendChild(pathList(run, "script-path"));
}

function productForm(panel, chat, book, run, button) {
  const form = el("form", { "class": "row script-product" });
  const input = el("input", { type: "text", maxlength: "100", "data-test": "script-product" });
  input.value = run.variables["상품"] || "";
  const label = el("label", { "class": "grow" });
  label.appendChild(el("span", {}, text("desk.scripts.product")));
  label.appendChild(input);
  form.appendChild(label);
  form.appendChild(el("button", { type: "submit", "class": "secondary small" }, text("desk.scripts.product-save")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    act(panel, chat, book, button, runPath(chat.conversation) + "/variables", { values: { "상품": input.value } });
  });
  return form;
}

// The path: each step with the answer that led to it; steps gone back from stay, struck through.
function pathList(run, test) {
  const wrap = el("div", { "class": "script-path" });
  wrap.appendChild(el("h4", {}, text("desk.scripts.path")));
  const list = el("ol", { "data-test": test });
  run.path.forEach((entry) => {
    const item = el("li", entry.withdrawn ? { "class": "withdrawn" } : {});
    if (entry.via) { item.appendChild(el("span", { "class": "script-via" }, entry.via + " → ")); }
    item.appendChild(el(entry.withdrawn ? "s" : "span", {}, entry.title));
    if (entry.withdrawn) { item.appendChild(el("span", { "class": "hint" }, " (" + text("desk.scripts.withdrawn") + ")")); }
    list.appendChild(item);
  });
  wrap.appendChild(list);
  return wrap;
}

// The record form says which path goes with the record, so the agent sees it before saving.
function showInRecord(conversation, run) {
  shownRuns[conversation] = run;
  const section = contextOf(conversation);
  const record = section && section.querySelector("[data-test=record]");
  if (!record) { return; }
  const old = record.querySelector("[data-test=script-record]");
  if (old) { old.remove(); }
  if (!run) { return; }
  record.insertBefore(recordBlock(run), record.querySelector("button[type=submit]"));
}

function recordBlock(run) {
  const block = el("div", { "class": "script-record", "data-test": "script-record" });
  block.appendChild(el("p", { "class": "hint" }, text("desk.scripts.record") + ": "
    + format("desk.scripts.heading", run.title, run.version) + " · " + named("desk.scripts.status.", run.status)));
  block.appendChild(pathList(run, "script-record-path"));
  return block;
}
