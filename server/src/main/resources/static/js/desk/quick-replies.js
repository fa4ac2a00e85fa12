// Quick replies (상용구) in a chat's message box. "/" at the start of a word opens a list of the
// agent's replies (their own, their team's, the center's), filtered by what follows as they type;
// arrow keys move, Enter or Tab inserts, Esc closes. The message box stays a text box that controls
// a listbox (aria-autocomplete, aria-controls, aria-activedescendant): focus never leaves it, so the
// agent keeps typing. A text area may not take role=combobox, hence the text box form of the pattern.
// Beside Send, a disclosure searches the same list for those who prefer the mouse.
// Variables in braces ({고객명}, {상담사}, {센터} or their English names) are filled in on insert;
// the customer's name is what the agent sees of them: unmasked only where they unmasked it.
import { el } from "./dom.js";
import { contextOf } from "./layout.js";
import { format, named, text } from "./texts.js";

// One book per language: a chat is offered the replies in its customer's language (a Korean chat the
// Korean ones, an English chat the English ones); a chat of unknown language gets them all.
const EMPTY = { replies: [], variables: {}, customerVariables: [] };
const books = {};
const loading = {};

function bookOf(language) {
  return books[language || ""] || EMPTY;
}

// Read again each time a list opens: a reply added on the quick-reply page in another tab is there
// at once. Until the answer comes the list shows what it had.
function refresh(language) {
  const key = language || "";
  if (!loading[key]) {
    const url = "/desk/api/quick-replies" + (key ? "?language=" + encodeURIComponent(key) : "");
    loading[key] = fetch(url)
      .then((response) => (response.ok ? response.json() : null))
      .then((body) => { if (body) { books[key] = body; } })
      .catch(() => { /* the list stays as it was; typing goes on */ })
      .finally(() => { delete loading[key]; });
  }
  return loading[key];
}

function matches(book, query) {
  const wanted = query.toLowerCase();
  const byTitle = [];
  const byBody = [];
  book.replies.forEach((reply) => {
    if (reply.title.toLowerCase().includes(wanted)) { byTitle.push(reply); }
    else if (reply.body.toLowerCase().includes(wanted)) { byBody.push(reply); }
  });
  return byTitle.concat(byBody).slice(0, 50);
}

// The customer's name as this desk shows it: unmasked in the panel if the agent unmasked it, else the
// masked name of the customer record (verified or claimed), else the name the customer typed (masked,
// without the masked phone the label adds), else a neutral word.
export function customerName(conversation, chat) {
  const label = text("customer.name");
  const named = (list) => {
    if (!list) { return ""; }
    const term = Array.from(list.querySelectorAll("dt")).find((dt) => dt.textContent === label);
    const value = term && term.nextElementSibling ? term.nextElementSibling.textContent.trim() : "";
    return value === "-" ? "" : value;
  };
  const section = contextOf(conversation);
  const shown = section ? (named(section.querySelector("[data-test=panel-unmasked]"))
    || named(section.querySelector("[data-test=panel-customer]"))
    || named(section.querySelector("[data-test=panel-claim]"))) : "";
  const typed = (chat.customer || "").replace(/\s+[0-9*][0-9*\- ]*$/, "").trim();
  return shown || typed || text("desk.quick-replies.customer-fallback");
}

function filled(body, conversation, chat) {
  const book = bookOf(chat.language);
  const values = Object.assign({}, book.variables);
  (book.customerVariables || []).forEach((name) => { values[name] = customerName(conversation, chat); });
  // A function as replacement: a name with "$&" in it is written as it is.
  return body.replace(/\{([^{}\s]{1,20})\}/g, (whole, name) => (name in values ? values[name] : whole));
}

function option(reply, id) {
  const item = el("li", { role: "option", id: id, "aria-selected": "false", "class": "quick-reply-option", "data-test": "quick-reply-option" });
  const heading = el("span", { "class": "quick-reply-heading" });
  heading.appendChild(el("strong", {}, "/" + reply.title));
  heading.appendChild(el("span", { "class": "quick-reply-set" }, named("desk.quick-replies.scope.", reply.scope)));
  item.appendChild(heading);
  item.appendChild(el("span", { "class": "quick-reply-preview" }, reply.body));
  return item;
}

/** Gives the chat's message box its quick replies: "/" in the box, and the searchable list beside Send. */
export function attachQuickReplies(pane, chat) {
  const form = pane.querySelector("form.composer");
  if (!form) { return; }
  const input = form.querySelector("textarea");
  const row = form.querySelector(".row");
  const conversation = chat.conversation;
  const listId = "quick-replies-" + conversation;
  const list = el("ul", { role: "listbox", id: listId, "class": "quick-reply-list", "aria-label": text("desk.quick-replies.listbox"),
                          "data-test": "quick-reply-listbox", hidden: "" });
  const status = el("p", { "class": "quick-reply-status", role: "status" });
  form.classList.add("with-quick-replies");
  form.insertBefore(status, form.firstChild);
  form.insertBefore(list, form.firstChild);
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listId);

  let shown = [];
  let active = -1;
  let token = null; // where the "/word" being typed starts and ends in the box

  function slashWord() {
    const caret = input.selectionStart;
    if (caret !== input.selectionEnd) { return null; }
    const before = input.value.slice(0, caret);
    const start = Math.max(before.lastIndexOf(" "), before.lastIndexOf("\n"), before.lastIndexOf("\t")) + 1;
    const word = before.slice(start);
    return word.startsWith("/") ? { start: start, end: caret, query: word.slice(1) } : null;
  }

  function close() {
    list.hidden = true;
    list.replaceChildren();
    status.textContent = "";
    input.removeAttribute("aria-activedescendant");
    shown = [];
    active = -1;
    token = null;
  }

  function highlight(index) {
    active = index;
    Array.from(list.children).forEach((item, i) => item.setAttribute("aria-selected", i === index ? "true" : "false"));
    const current = list.children[index];
    if (current && current.id) {
      input.setAttribute("aria-activedescendant", current.id);
      current.scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function render() {
    if (!token) { return; }
    // The list may be drawn again when fresh replies arrive: the one the agent moved to stays chosen.
    const chosen = active >= 0 && shown[active] ? shown[active].id : null;
    shown = matches(bookOf(chat.language), token.query);
    list.replaceChildren();
    shown.forEach((reply, i) => list.appendChild(option(reply, listId + "-" + i)));
    if (!shown.length) {
      list.appendChild(el("li", { "class": "quick-reply-empty", role: "option", "aria-disabled": "true", "aria-selected": "false" },
        text("desk.quick-replies.none-found")));
    }
    list.hidden = false;
    status.textContent = format("desk.quick-replies.count", shown.length);
    highlight(shown.length ? Math.max(0, shown.findIndex((reply) => reply.id === chosen)) : -1);
  }

  function insert(reply) {
    const body = filled(reply.body, conversation, chat);
    const start = token ? token.start : input.selectionStart;
    const end = token ? token.end : input.selectionEnd;
    input.value = input.value.slice(0, start) + body + input.value.slice(end);
    const caret = start + body.length;
    close();
    input.focus();
    input.setSelectionRange(caret, caret);
    input.dispatchEvent(new Event("input", { bubbles: true }));
  }

  input.addEventListener("input", () => {
    const word = slashWord();
    if (!word) { if (token) { close(); } return; }
    const opening = !token;
    token = word;
    render();
    if (opening) { refresh(chat.language).then(render); }
  });
  input.addEventListener("blur", () => { if (token) { setTimeout(close, 150); } });
  // Caught on the way down, before the box's own keys: Enter inserts the reply instead of sending.
  form.addEventListener("keydown", (event) => {
    if (event.target !== input || !token || list.hidden) { return; }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!shown.length) { return; }
      const step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + shown.length) % shown.length);
    } else if ((event.key === "Enter" && !event.shiftKey) || event.key === "Tab") {
      if (active < 0) { if (event.key === "Tab") { close(); } return; }
      insert(shown[active]);
    } else if (event.key === "Escape") {
      close();
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
  }, true);
  // The mouse picks too; pressing does not take the focus from the box.
  list.addEventListener("mousedown", (event) => event.preventDefault());
  list.addEventListener("click", (event) => {
    const item = event.target.closest("[data-test=quick-reply-option]");
    if (item) { insert(shown[Array.from(list.children).indexOf(item)]); }
  });

  refresh(chat.language);
  row.insertBefore(picker(input, chat.language, (reply) => { token = null; insert(reply); }), row.firstChild);
}

// Beside Send: search the replies by title or text and click one to insert it where the caret is.
function picker(input, language, insert) {
  const details = el("details", { "class": "quick-reply-picker", "data-test": "quick-reply-picker" });
  details.appendChild(el("summary", { "class": "button secondary" }, text("desk.quick-replies")));
  const panel = el("div", { "class": "quick-reply-panel" });
  const search = el("input", { type: "search", maxlength: "50", "aria-label": text("desk.quick-replies.search"),
                               placeholder: text("desk.quick-replies.search"), "data-test": "quick-reply-search" });
  const results = el("ul", { "class": "quick-reply-results", "aria-label": text("desk.quick-replies.listbox") });
  panel.appendChild(search);
  panel.appendChild(results);
  panel.appendChild(el("p", { "class": "hint" }, text("desk.quick-replies.slash-hint")));
  panel.appendChild(el("a", { href: "/quick-replies", target: "_blank", rel: "noopener" }, text("desk.quick-replies.open")));
  details.appendChild(panel);

  function show() {
    results.replaceChildren();
    const found = matches(bookOf(language), search.value.trim());
    found.forEach((reply) => {
      const button = el("button", { type: "button", "class": "quick-reply-choice" });
      button.appendChild(el("strong", {}, "/" + reply.title));
      button.appendChild(el("span", { "class": "quick-reply-preview" }, reply.body));
      button.addEventListener("click", () => { details.open = false; insert(reply); });
      const item = el("li");
      item.appendChild(button);
      results.appendChild(item);
    });
    if (!found.length) { results.appendChild(el("li", { "class": "hint" }, text("desk.quick-replies.none-found"))); }
  }

  details.addEventListener("toggle", () => {
    if (details.open) { show(); refresh(language).then(show); search.focus(); }
  });
  search.addEventListener("input", show);
  details.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { details.open = false; input.focus(); }
  });
  return details;
}
