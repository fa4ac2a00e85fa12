// Building the desk's elements: text is always set as text, never parsed as markup.

export function el(tag, attributes, content) {
  const node = document.createElement(tag);
  Object.keys(attributes || {}).forEach((key) => node.setAttribute(key, attributes[key]));
  if (content !== undefined) { node.textContent = content; }
  return node;
}

export function labelled(caption, control) {
  const label = el("label");
  label.appendChild(el("span", {}, caption));
  label.appendChild(control);
  return label;
}

/** A term and its value in a definition list; masked values are styled as such. */
export function fact(list, term, value, masked) {
  list.appendChild(el("dt", {}, term));
  list.appendChild(el("dd", masked ? { "class": "masked" } : {}, value || "-"));
}

export function english() {
  return document.documentElement.lang === "en";
}

export function when(instant) {
  // In the page's language, not the browser's: a Korean desk in an English browser shows Korean dates.
  const date = new Date(instant);
  const language = document.documentElement.lang || undefined;
  return date.toLocaleDateString(language) + " " + date.toLocaleTimeString(language, { hour: "2-digit", minute: "2-digit" });
}
