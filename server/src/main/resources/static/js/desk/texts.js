// The desk's words in the page's language: one JSON object from message-bundle key to text, which
// the server renders into the desk element's data-texts (docs/adr/0014-desk-script-modules.md).
// Scripts name the bundle's keys, so a text is found by the same key in the script, the bundle
// and DeskTexts (the server's list of what the desk receives; DeskTextsTests keeps the three agreed).
const texts = JSON.parse(document.getElementById("desk").dataset.texts || "{}");

/** The text for a bundle key; the key itself if the desk was not given it. */
export function text(key) {
  return texts[key] || key;
}

/** The text with {0}, {1}… filled in, as the bundle writes them. */
export function format(key, ...values) {
  // A function as replacement: a value with "$&" in it (a name, a note) is written as it is.
  return values.reduce((result, value, i) => result.replace("{" + i + "}", () => String(value)), text(key));
}

/** The text for a value of an enumeration (desk.state. + BUSY); the value itself if unknown. */
export function named(prefix, value) {
  return texts[prefix + value] || value;
}
