// Requests to the desk's API. Actions are plain POSTs; what they change arrives on the stream.
const csrfToken = document.querySelector("meta[name='_csrf']").content;
const csrfHeader = document.querySelector("meta[name='_csrf_header']").content;
const errorBox = document.getElementById("desk-error");

export function showError(message) {
  errorBox.textContent = message;
  errorBox.hidden = false;
}

export function clearError() {
  errorBox.hidden = true;
}

export function headers(json) {
  const result = json ? { "Content-Type": "application/json" } : {};
  result[csrfHeader] = csrfToken;
  return result;
}

/**
 * POSTs to /desk/api + path. Resolves with the body's text (200, 201), null (other success) or
 * undefined when refused: the problem's detail is then shown in the error box.
 */
export function post(path, body) {
  return fetch("/desk/api" + path, { method: "POST", headers: headers(true), body: body ? JSON.stringify(body) : undefined })
    .then((response) => {
      if (response.ok) { clearError(); return response.status === 200 || response.status === 201 ? response.text() : null; }
      return response.json().then((problem) => { throw new Error(problem.detail); });
    })
    .catch((error) => showError(error.message));
}

/** GETs JSON; a refusal rejects with the problem's detail. */
export function getJson(path) {
  return fetch(path).then((response) => response.json().then((body) => {
    if (!response.ok) { throw new Error(body.detail); }
    return body;
  }));
}
