// Agent assist (issue 18, docs/adr/0028-agent-assist.md): the knowledge panel at the top of a chat's
// context. It suggests articles like what the customer last wrote, asked again a moment after each
// new customer message; searches for the agent; shows an article's passages; and puts a passage into
// the reply box as plain text, where the agent edits it before sending. The server records which
// suggestions were shown, opened and used. Snippets come as parts (text, hit) and are set as text:
// nothing from an article is ever parsed as markup here.
// The panel folds away (its heading is a disclosure button) and stays folded for every chat once
// folded, since on a laptop the context column is shared with the customer and the record.
import { el } from "./dom.js";
import { contextOf, selected } from "./layout.js";
import { clearError, getJson, post, showError } from "./server.js";
import { format, text } from "./texts.js";

// Long enough for a customer who sends a thought in three quick messages to be asked about once.
const REFRESH_AFTER_MS = 1200;
const FOLDED_KEY = "sangdam.knowledge-panel.folded";

function folded() {
  try { return localStorage.getItem(FOLDED_KEY) === "true"; } catch (e) { return false; }
}

function keepFolded(value) {
  try { localStorage.setItem(FOLDED_KEY, String(value)); } catch (e) { /* only a preference */ }
}

function snippet(parts) {
  const paragraph = el("p", { "class": "knowledge-snippet" });
  (parts || []).forEach((part) => {
    paragraph.appendChild(part.hit ? el("mark", {}, part.text) : document.createTextNode(part.text));
  });
  return paragraph;
}

// The passage as text, with the words the search matched in the snippet marked where they occur.
function marked(parent, passage, hits) {
  const words = Array.from(new Set(hits.filter((word) => word.length > 1)));
  let position = 0;
  while (words.length) {
    let next = -1;
    let word = "";
    words.forEach((candidate) => {
      const at = passage.indexOf(candidate, position);
      if (at >= 0 && (next < 0 || at < next || (at === next && candidate.length > word.length))) { next = at; word = candidate; }
    });
    if (next < 0) { break; }
    parent.appendChild(document.createTextNode(passage.slice(position, next)));
    parent.appendChild(el("mark", {}, word));
    position = next + word.length;
  }
  parent.appendChild(document.createTextNode(passage.slice(position)));
}

/**
 * The panel for a chat: a section to put into the chat's context. pane: the chat's pane, whose log
 * it watches for the customer's messages and whose message box it writes passages into.
 */
export function knowledgePanel(conversation, pane) {
  const base = "/desk/api/conversations/" + conversation + "/knowledge";
  const id = "knowledge-" + conversation;
  const section = el("section", { "class": "knowledge-panel", "data-test": "knowledge-panel", "aria-labelledby": id + "-heading" });
  const heading = el("h3", { id: id + "-heading" });
  const toggle = el("button", { type: "button", "class": "knowledge-toggle", "aria-controls": id + "-body", "data-test": "knowledge-toggle" },
    text("desk.knowledge"));
  heading.appendChild(toggle);
  section.appendChild(heading);
  const body = el("div", { "class": "knowledge-body", id: id + "-body" });
  section.appendChild(body);

  const form = el("form", { "class": "knowledge-search", role: "search" });
  const query = el("input", { type: "search", maxlength: "200", "aria-label": text("desk.knowledge.search"),
                              placeholder: text("desk.knowledge.search-hint"), "aria-keyshortcuts": "Alt+K",
                              "data-test": "knowledge-search" });
  form.appendChild(query);
  form.appendChild(el("button", { type: "submit", "class": "secondary small" }, text("desk.knowledge.search-submit")));
  body.appendChild(form);
  const status = el("p", { "class": "hint knowledge-status", role: "status", "data-test": "knowledge-status" });
  body.appendChild(status);
  const back = el("button", { type: "button", "class": "link knowledge-back", "data-test": "knowledge-back", hidden: "" });
  body.appendChild(back);
  const view = el("div", { "class": "knowledge-view" });
  body.appendChild(view);

  // What the panel shows: "suggested" (kept current as the customer writes), "searched" or "article".
  let showing = "suggested";
  let suggestions = null;
  let lastList = null;
  let lastListSource = "SUGGESTED";

  function setFolded(value) {
    toggle.setAttribute("aria-expanded", value ? "false" : "true");
    body.hidden = value;
  }
  setFolded(folded());
  toggle.addEventListener("click", () => {
    const value = toggle.getAttribute("aria-expanded") === "true";
    keepFolded(value);
    document.querySelectorAll(".knowledge-panel").forEach((panel) => panel.dispatchEvent(new CustomEvent("knowledge-fold", { detail: value })));
  });
  section.addEventListener("knowledge-fold", (event) => setFolded(event.detail));

  function messageBox() {
    return pane.querySelector("form.composer textarea");
  }

  function record(article, action, source) {
    post("/conversations/" + conversation + "/knowledge/uses", { article: article.id, title: article.title, action: action, source: source });
  }

  // Where the caret is (replacing a selection), set apart from the words around it by a space;
  // then the agent reads and edits it in the box. The box's own input event follows, as typed text would.
  function insert(article, passage, source) {
    const box = messageBox();
    if (!box) { status.textContent = text("desk.knowledge.ended"); return; }
    const start = box.selectionStart;
    const end = box.selectionEnd;
    const before = box.value.slice(0, start);
    const after = box.value.slice(end);
    const lead = before && !/\s$/.test(before) ? " " : "";
    const trail = after && !/^\s/.test(after) ? " " : "";
    const words = lead + passage + trail;
    box.value = (before + words + after).slice(0, Number(box.getAttribute("maxlength")) || 2000);
    const caret = Math.min(box.value.length, before.length + words.length);
    box.focus();
    box.setSelectionRange(caret, caret);
    box.dispatchEvent(new Event("input", { bubbles: true }));
    status.textContent = text("desk.knowledge.inserted");
    record(article, "INSERTED", source);
  }

  function insertButton(article, passage, source) {
    const button = el("button", { type: "button", "class": "secondary small", "data-test": "knowledge-insert",
                                  "aria-label": format("desk.knowledge.insert-named", article.title) },
      text("desk.knowledge.insert"));
    button.addEventListener("click", () => insert(article, passage, source));
    return button;
  }

  function card(article, source) {
    const item = el("li", { "class": "knowledge-card", "data-test": "knowledge-card", "data-article": article.id });
    const open = el("button", { type: "button", "class": "link knowledge-title", "data-test": "knowledge-article" }, article.title);
    open.addEventListener("click", () => openArticle(article, source));
    item.appendChild(open);
    item.appendChild(el("span", { "class": "knowledge-id" }, article.id));
    const passage = (article.best || [])[0];
    // The snippet says why the article came up; when the passage below holds the same words, once is enough.
    const snippetText = (article.snippet || []).map((part) => part.text).join("").replace(/…$/, "").trim();
    if (!passage || !snippetText || !passage.includes(snippetText)) { item.appendChild(snippet(article.snippet)); }
    if (passage) {
      const quote = el("blockquote", { "class": "knowledge-passage", "data-test": "knowledge-passage" });
      marked(quote, passage, (article.snippet || []).filter((part) => part.hit).map((part) => part.text.trim()));
      item.appendChild(quote);
      item.appendChild(insertButton(article, passage, source));
    }
    return item;
  }

  function showList(answer, source, emptyKey, countKey) {
    lastList = answer;
    lastListSource = source;
    back.hidden = source === "SUGGESTED";
    back.textContent = text("desk.knowledge.back-to-suggestions");
    status.textContent = answer.articles.length ? format(countKey, answer.articles.length) : text(emptyKey);
    const list = el("ul", { "class": "knowledge-list", "aria-label": text(source === "SEARCHED" ? "desk.knowledge.results" : "desk.knowledge.suggestions") });
    answer.articles.forEach((article) => list.appendChild(card(article, source)));
    view.replaceChildren(list);
  }

  function showSuggestions() {
    showing = "suggested";
    if (suggestions) {
      showList(suggestions, "SUGGESTED", "desk.knowledge.none-suggested", "desk.knowledge.suggested");
    } else {
      back.hidden = true;
      status.textContent = text("desk.knowledge.waiting");
      view.replaceChildren();
    }
  }

  // The article's passages in its order, each insertable. (The knowledge module's rendered article
  // can take the reading part's place; insertion stays with the passages.)
  function openArticle(article, source) {
    showing = "article";
    record(article, "OPENED", source);
    back.hidden = false;
    back.textContent = text(source === "SEARCHED" ? "desk.knowledge.back-to-results" : "desk.knowledge.back-to-suggestions");
    status.textContent = "";
    const reading = el("article", { "class": "knowledge-article", "data-test": "knowledge-reading", "aria-labelledby": id + "-title" });
    reading.appendChild(el("h4", { id: id + "-title", tabindex: "-1" }, article.title));
    reading.appendChild(el("p", { "class": "knowledge-id" }, article.id));
    const passages = el("ol", { "class": "knowledge-passages" });
    article.passages.forEach((passage) => {
      const item = el("li", { "data-test": "knowledge-article-passage" });
      item.appendChild(el("p", {}, passage));
      item.appendChild(insertButton(article, passage, source));
      passages.appendChild(item);
    });
    reading.appendChild(passages);
    view.replaceChildren(reading);
    reading.querySelector("h4").focus();
  }

  back.addEventListener("click", () => {
    if (showing === "article" && lastListSource === "SEARCHED" && lastList) {
      showing = "searched";
      showList(lastList, "SEARCHED", "desk.knowledge.none-found", "desk.knowledge.found");
    } else {
      showSuggestions();
    }
    query.focus();
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const words = query.value.trim();
    if (!words) { showSuggestions(); return; }
    getJson(base + "/search?q=" + encodeURIComponent(words)).then((answer) => {
      clearError();
      showing = "searched";
      showList(answer, "SEARCHED", "desk.knowledge.none-found", "desk.knowledge.found");
    }).catch((error) => showError(error.message));
  });

  function refresh() {
    getJson(base + "/suggestions").then((answer) => {
      suggestions = answer;
      // The agent reading an article or search results keeps them; the suggestions wait for "back".
      if (showing === "suggested") { showSuggestions(); }
    }).catch(() => { /* the chat goes on without suggestions; the next message asks again */ });
  }

  let timer = null;
  new MutationObserver((changes) => {
    const customerWrote = changes.some((change) => Array.from(change.addedNodes)
      .some((node) => node.classList && node.classList.contains("from-customer")));
    if (customerWrote) {
      clearTimeout(timer);
      timer = setTimeout(refresh, REFRESH_AFTER_MS);
    }
  }).observe(pane.querySelector(".chat-log"), { childList: true });
  showSuggestions();
  return section;
}

/** Alt+K: the selected chat's knowledge search takes the focus (the panel unfolds if folded). */
export function focusKnowledge() {
  const section = contextOf(selected());
  const panel = section && section.querySelector("[data-test=knowledge-panel]");
  if (!panel) { return; }
  const toggle = panel.querySelector(".knowledge-toggle");
  if (toggle.getAttribute("aria-expanded") !== "true") { toggle.click(); }
  panel.querySelector("[data-test=knowledge-search]").focus();
}
