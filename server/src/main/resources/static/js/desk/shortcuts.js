// Keyboard shortcuts for a shift at the desk, and their help (a modal dialog: Esc closes it and
// the focus goes back where it was). Agents type all day: a plain key (`?`) acts only outside text
// fields; in a field only Alt combinations do, which typing never produces. Keys are matched by
// their place on the keyboard (event.code), so a Korean input mode or a Mac's Option characters
// (Option+N gives ˜) do not change them. Alt+D, E, F and the like are left to the browser's menus.
const dialog = document.getElementById("desk-shortcuts");
const opener = document.getElementById("desk-shortcuts-open");
let returnTo = null;

function typingIn(target) {
  return target instanceof HTMLElement && (target.isContentEditable || target.matches("input, textarea, select"));
}

function openHelp() {
  if (dialog.open) { return; }
  returnTo = document.activeElement;
  dialog.showModal();
}

/** actions: from a key's code (KeyA) to what Alt and that key do. */
export function listenForShortcuts(actions) {
  opener.addEventListener("click", openHelp);
  dialog.addEventListener("close", () => {
    if (returnTo && returnTo.isConnected && returnTo !== document.body) { returnTo.focus(); }
    returnTo = null;
  });
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.isComposing || dialog.open) { return; }
    if (event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      const action = actions[event.code];
      if (action) {
        event.preventDefault();
        action();
      }
      return;
    }
    if (event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target)) {
      event.preventDefault();
      openHelp();
    }
  });
}
