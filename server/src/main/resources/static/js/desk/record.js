// The consultation record (상담 이력): 대/중/소분류, disposition, follow-up, notes.
// While the chat is open the agent may fill it in already (less wrap-up afterwards); it is saved
// once the chat has ended, with the whole transcript.
import { el, english } from "./dom.js";
import { removeChat } from "./layout.js";
import { loadCategories } from "./lookups.js";
import { post } from "./server.js";
import { recordSaved } from "./state-bar.js";
import { named, text } from "./texts.js";

const DISPOSITIONS = ["RESOLVED", "FOLLOW_UP", "TRANSFERRED", "ENDED_FOR_ABUSE", "NO_RESPONSE"];

/**
 * The record form for a conversation: saved to path (the chat's record unless given), then
 * savedKey's text shown and the chat closed. whileOpen: filled in but not saved before the end.
 */
export function recordForm(conversation, path, savedKey, whileOpen) {
  const form = el("form", { "class": "stacked record", "data-test": "record" });
  form.appendChild(el("h3", {}, text("record.title")));
  if (whileOpen) { form.appendChild(el("p", { "class": "hint record-later" }, text("desk.record-after-end"))); }
  const levels = ["record.category1", "record.category2", "record.category3"].map((caption) => {
    const select = el("select", { required: "", "aria-label": text(caption) });
    const label = el("label");
    label.appendChild(el("span", {}, text(caption)));
    label.appendChild(select);
    form.appendChild(label);
    return select;
  });
  function fill(select, nodes) {
    select.replaceChildren(el("option", { value: "" }, "-"));
    (nodes || []).forEach((node) => {
      const option = el("option", { value: node.id }, english() ? node.nameEnglish : node.nameKorean);
      option.node = node;
      select.appendChild(option);
    });
  }
  loadCategories().then((tree) => { fill(levels[0], tree); fill(levels[1], []); fill(levels[2], []); restore(); });
  levels[0].addEventListener("change", () => {
    const chosen = levels[0].selectedOptions[0].node;
    fill(levels[1], chosen ? chosen.children : []);
    fill(levels[2], []);
  });
  levels[1].addEventListener("change", () => {
    const chosen = levels[1].selectedOptions[0].node;
    fill(levels[2], chosen ? chosen.children : []);
  });
  // No outcome is chosen for the agent: a default would be saved unread (the server requires one too).
  const disposition = el("select", { required: "", "aria-label": text("record.disposition"), "data-test": "disposition" });
  disposition.appendChild(el("option", { value: "" }, text("record.disposition.choose")));
  DISPOSITIONS.forEach((value) => disposition.appendChild(el("option", { value: value }, named("record.disposition.", value))));
  const dispositionLabel = el("label");
  dispositionLabel.appendChild(el("span", {}, text("record.disposition")));
  dispositionLabel.appendChild(disposition);
  form.appendChild(dispositionLabel);
  const followUp = el("input", { type: "checkbox" });
  const followUpLabel = el("label", { "class": "inline-label" });
  followUpLabel.appendChild(followUp);
  followUpLabel.appendChild(el("span", {}, text("record.follow-up")));
  form.appendChild(followUpLabel);
  const notes = el("textarea", { rows: "3", maxlength: "4000", "aria-label": text("record.notes") });
  const notesLabel = el("label");
  notesLabel.appendChild(el("span", {}, text("record.notes")));
  notesLabel.appendChild(notes);
  form.appendChild(notesLabel);
  const save = el("button", { type: "submit", "class": "primary" }, text("record.save"));
  save.disabled = !!whileOpen;
  form.appendChild(save);
  // The draft survives a reload of the tab (sessionStorage: this tab only, gone when it closes),
  // since a record is often half written when the agent reloads or the browser restarts the page.
  const draftKey = "sangdam.record." + conversation;
  function keep() {
    try {
      sessionStorage.setItem(draftKey, JSON.stringify({ levels: levels.map((l) => l.value),
        disposition: disposition.value, followUp: followUp.checked, notes: notes.value }));
    } catch (e) { /* storage full or off: the draft is only a convenience */ }
  }
  function restore() {
    let draft = null;
    try { draft = JSON.parse(sessionStorage.getItem(draftKey)); } catch (e) { draft = null; }
    if (!draft) { return; }
    draft.levels.forEach((value, i) => {
      levels[i].value = value;
      levels[i].dispatchEvent(new Event("change"));
    });
    disposition.value = draft.disposition;
    followUp.checked = draft.followUp;
    notes.value = draft.notes;
  }
  form.addEventListener("change", keep);
  form.addEventListener("input", keep);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    post(path || "/conversations/" + conversation + "/record", {
      categoryId: Number(levels[2].value), disposition: disposition.value, followUp: followUp.checked, notes: notes.value
    }).then((body) => {
      if (body) {
        try { sessionStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
        recordSaved(conversation);
        form.dispatchEvent(new CustomEvent("record-saved", { bubbles: true, detail: { conversation: conversation } }));
        form.replaceWith(el("p", { "class": "notice", role: "status" }, text(savedKey || "record.saved")));
        setTimeout(() => removeChat(conversation), 3000);
      }
    });
  });
  return form;
}
