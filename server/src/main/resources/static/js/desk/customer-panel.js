// The customer panel: who this is (masked), unmasking with a reason, earlier contacts and records;
// for a customer only claimed, verification first.
import { el, english, fact, when } from "./dom.js";
import { clearError, getJson, headers, post, showError } from "./server.js";
import { format, named, text } from "./texts.js";

// A customer in the abusive-customer registry: what for and since when, before the agent accepts.
// For a number only claimed (not verified), just that it is registered: the rest is its owner's.
export function flaggedWarning(flagged) {
  if (!flagged.verified) {
    return el("p", { "class": "flagged-warning", role: "alert", "data-test": "flagged-warning" }, text("desk.flagged-claimed"));
  }
  return el("p", { "class": "flagged-warning", role: "alert", "data-test": "flagged-warning" },
    format("desk.flagged", named("incidents.category.", flagged.category), flagged.since, flagged.until));
}

export function loadPanel(conversation, panel) {
  getJson("/desk/api/conversations/" + conversation + "/customer")
    .then((data) => renderPanel(conversation, panel, data))
    .catch((error) => panel.replaceChildren(el("p", { "class": "error-box", role: "alert" }, error.message)));
}

/**
 * After a record was saved: the panels showing that chat's customer load again, so their history
 * lists it (the saved chat's own, and another chat of the same customer).
 */
export function refreshHistory(conversation) {
  const saved = document.querySelector(".context[data-conversation='" + conversation + "'] .customer-panel");
  const customer = saved && saved.dataset.customer;
  if (!customer) { return; }
  document.querySelectorAll(".context .customer-panel").forEach((panel) => {
    if (panel.dataset.customer === customer) { loadPanel(panel.closest(".context").dataset.conversation, panel); }
  });
}

function renderPanel(conversation, panel, data) {
  panel.replaceChildren(el("h3", {}, text("panel.title")));
  // Only a verified customer's panel shows history, and only such panels are refreshed by number.
  delete panel.dataset.customer;
  if (!data.link) {
    panel.appendChild(el("p", { "class": "hint", "data-test": "panel-none" }, text("panel.none")));
    panel.appendChild(searchForm(conversation, panel));
    return;
  }
  if (data.flagged) { panel.appendChild(flaggedWarning(data.flagged)); }
  if (data.link === "CLAIMED") {
    renderClaim(conversation, panel, data);
    return;
  }
  const c = data.customer;
  panel.dataset.customer = c.customerNumber;
  const verified = el("p", { "class": "hint", "data-test": "panel-verified" });
  verified.appendChild(el("span", { "class": "chip ok" }, text("panel.verified")));
  verified.appendChild(document.createTextNode(" " + format("panel.verified-by", data.verified.by,
    named("panel.verify-method.", data.verified.method))));
  panel.appendChild(verified);
  const facts = el("dl", { "class": "facts", "data-test": "panel-customer" });
  fact(facts, text("customer.number"), c.customerNumber);
  fact(facts, text("customer.name"), c.name, true);
  fact(facts, text("customer.phone"), c.mobilePhone, true);
  fact(facts, text("customer.grade"), named("customer.grade.", c.grade));
  const chips = el("dd", { "class": "chips" });
  if (c.senior) { chips.appendChild(el("span", { "class": "chip" }, text("customer.senior"))); }
  if (c.accessibility) { chips.appendChild(el("span", { "class": "chip" }, text("customer.accessibility"))); }
  if (chips.children.length) { facts.appendChild(el("dt", {}, "")); facts.appendChild(chips); }
  panel.appendChild(facts);
  panel.appendChild(unmaskForm(conversation, facts));
  panel.appendChild(el("h4", {}, text("panel.consultations")));
  const records = el("ul", { "class": "history", "data-test": "panel-consultations" });
  data.consultations.forEach((r) => {
    const item = el("li");
    item.appendChild(el("strong", {}, when(r.recordedAt) + " · " + (r.queue || r.channel) + " · "
      + (english() ? r.categoryEnglish : r.categoryKorean)));
    item.appendChild(el("span", {}, " " + named("record.disposition.", r.disposition) + " · " + r.agent));
    if (r.notes) { item.appendChild(el("div", { "class": "masked hint" }, r.notes)); }
    // issue 18: the script path kept with the record (knowledge's runs, read by channel).
    const path = data.scriptPaths && data.scriptPaths[r.id];
    if (path) { item.appendChild(el("div", { "class": "hint", "data-test": "panel-script-path" }, path)); }
    records.appendChild(item);
  });
  if (!data.consultations.length) { records.appendChild(el("li", { "class": "hint" }, text("customer.history.none"))); }
  panel.appendChild(records);
  panel.appendChild(el("h4", {}, text("panel.contacts")));
  const contacts = el("ul", { "class": "history", "data-test": "panel-contacts" });
  data.contacts.forEach((contact) => {
    contacts.appendChild(el("li", {}, when(contact.at) + " · " + contact.queue + " · " + named("panel.status.", contact.status)
      + (contact.agent ? " · " + contact.agent : "")));
  });
  if (!data.contacts.length) { contacts.appendChild(el("li", { "class": "hint" }, text("panel.contacts-none"))); }
  panel.appendChild(contacts);
}

// A customer record matches what the chat claims (a typed number, a search): masked name and phone
// and a way to verify, nothing more. The agent asks and types the customer's answer; the server
// compares it with the record, which the desk never receives.
function renderClaim(conversation, panel, data) {
  const status = el("p", { "class": "claim-status", "data-test": "panel-claimed" });
  status.appendChild(el("span", { "class": "chip warn" }, text("panel.claimed")));
  status.appendChild(document.createTextNode(" " + text("panel.claimed-lead")));
  panel.appendChild(status);
  const facts = el("dl", { "class": "facts", "data-test": "panel-claim" });
  fact(facts, text("customer.name"), data.claim.customer.name, true);
  fact(facts, text("customer.phone"), data.claim.customer.mobilePhone, true);
  panel.appendChild(facts);
  if (data.claim.attemptsLeft > 0) {
    panel.appendChild(verifyForm(conversation, panel, data.claim));
  } else {
    panel.appendChild(el("p", { "class": "hint", "data-test": "panel-verify-exhausted" }, format("panel.verify-left", "0")));
  }
  panel.appendChild(searchForm(conversation, panel));
}

// Date of birth: the agent types what the customer says. One-time code: the server texts a code to
// the phone on record and the agent types what the customer reads back. Either answer goes to the
// server, which says only whether it matches; a failure counts, and the panel shows what is left.
function verifyForm(conversation, panel, claim) {
  const form = el("form", { "class": "stacked verify", "data-test": "panel-verify" });
  let method = claim.methods[0];
  const problem = el("p", { "class": "error-box", role: "alert", "data-test": "panel-verify-error", hidden: "" });
  const sent = el("p", { "class": "hint", role: "status", "data-test": "panel-code-sent", hidden: "" });
  if (claim.methods.length > 1) {
    const choice = el("select", { "aria-label": text("panel.verify-method") });
    claim.methods.forEach((m) => choice.appendChild(el("option", { value: m }, named("panel.verify-method.", m))));
    choice.addEventListener("change", () => { method = choice.value; show(); });
    form.appendChild(choice);
  }
  const dateLabel = el("label", {});
  dateLabel.appendChild(el("span", {}, text("panel.verify-birth-date")));
  const date = el("input", { type: "date", min: "1900-01-01" });
  dateLabel.appendChild(date);
  form.appendChild(dateLabel);
  const codeRow = el("div", { "class": "code-fields" });
  const sendCode = el("button", { type: "button", "class": "secondary" }, text("panel.send-code"));
  const codeLabel = el("label", {});
  codeLabel.appendChild(el("span", {}, text("panel.verify-code")));
  const code = el("input", { type: "text", inputmode: "numeric", maxlength: "6", pattern: "[0-9]{6}", autocomplete: "off", size: "8" });
  codeLabel.appendChild(code);
  codeRow.appendChild(sendCode);
  codeRow.appendChild(codeLabel);
  form.appendChild(codeRow);
  form.appendChild(sent);
  const row = el("div", { "class": "row" });
  row.appendChild(el("button", { type: "submit", "class": "secondary" }, text("panel.verify-submit")));
  row.appendChild(el("span", { "class": "hint", "data-test": "panel-verify-left" }, format("panel.verify-left", claim.attemptsLeft)));
  form.appendChild(row);
  form.appendChild(el("p", { "class": "hint" }, text("panel.verify-logged")));
  form.appendChild(problem);
  function show() {
    dateLabel.hidden = method !== "BIRTH_DATE";
    date.required = method === "BIRTH_DATE";
    codeRow.hidden = method !== "ONE_TIME_CODE";
    code.required = method === "ONE_TIME_CODE";
  }
  show();
  // Unlike post(), the answer's problem shows in the form, next to what the agent typed.
  function send(path, body) {
    return fetch("/desk/api/conversations/" + conversation + "/customer" + path,
      { method: "POST", headers: headers(true), body: JSON.stringify(body || {}) })
      .then((response) => response.json().then((json) => ({ ok: response.ok, body: json })));
  }
  sendCode.addEventListener("click", () => {
    send("/verification/code").then((answer) => {
      problem.hidden = answer.ok;
      sent.hidden = !answer.ok;
      if (answer.ok) { sent.textContent = text("panel.code-sent"); code.focus(); } else { problem.textContent = answer.body.detail; }
    }).catch((error) => { problem.textContent = error.message; problem.hidden = false; });
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send("/verification", { method: method, answer: method === "BIRTH_DATE" ? date.value : code.value })
      .then((answer) => {
        if (answer.ok) { renderPanel(conversation, panel, answer.body); return; }
        // A failed attempt counts: show why here, and the attempts left as the server now has them.
        return getJson("/desk/api/conversations/" + conversation + "/customer").then((fresh) => {
          renderPanel(conversation, panel, fresh);
          const again = panel.querySelector("[data-test=panel-verify-error]");
          const target = again || panel.appendChild(el("p", { "class": "error-box", role: "alert" }));
          target.textContent = answer.body.detail;
          target.hidden = false;
        });
      })
      .catch((error) => { problem.textContent = error.message; problem.hidden = false; });
  });
  return form;
}

function unmaskForm(conversation, facts) {
  const form = el("form", { "class": "stacked unmask", "data-test": "panel-unmask" });
  const reason = el("input", { type: "text", maxlength: "400", required: "", "aria-label": text("panel.unmask-reason"),
                               placeholder: text("panel.unmask-reason") });
  form.appendChild(reason);
  form.appendChild(el("button", { type: "submit", "class": "secondary" }, text("panel.unmask-submit")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    post("/conversations/" + conversation + "/customer/unmask", { reason: reason.value }).then((body) => {
      if (!body) { return; }
      const clear = JSON.parse(body);
      const shown = el("dl", { "class": "facts unmasked", "data-test": "panel-unmasked" });
      fact(shown, text("customer.name"), clear.name);
      fact(shown, text("customer.phone"), clear.mobilePhone);
      fact(shown, text("customer.email"), clear.email);
      form.replaceWith(el("p", { "class": "hint" }, text("panel.unmasked")), shown);
    });
  });
  return form;
}

function searchForm(conversation, panel) {
  const form = el("form", { "class": "stacked", "data-test": "panel-search", role: "search" });
  const query = el("input", { type: "search", maxlength: "50", required: "", "aria-label": text("panel.search"),
                              placeholder: text("panel.search-hint") });
  form.appendChild(query);
  form.appendChild(el("button", { type: "submit", "class": "secondary" }, text("panel.search")));
  form.appendChild(el("p", { "class": "hint" }, text("panel.search-logged")));
  const results = el("ul", { "class": "history", "data-test": "panel-results" });
  form.appendChild(results);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    getJson("/desk/api/conversations/" + conversation + "/customer/search?q=" + encodeURIComponent(query.value))
      .then((found) => {
        clearError();
        results.replaceChildren();
        found.forEach((c) => {
          const item = el("li", {}, c.customerNumber + " · " + c.name + " · " + c.mobilePhone + " ");
          const link = el("button", { type: "button", "class": "link" }, text("panel.link"));
          link.addEventListener("click", () => {
            post("/conversations/" + conversation + "/customer", { customerId: c.id }).then((body) => {
              if (body) { renderPanel(conversation, panel, JSON.parse(body)); }
            });
          });
          item.appendChild(link);
          results.appendChild(item);
        });
        if (!found.length) { results.appendChild(el("li", { "class": "hint" }, text("panel.no-results"))); }
      })
      .catch((error) => showError(error.message));
  });
  return form;
}
