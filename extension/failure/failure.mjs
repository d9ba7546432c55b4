// The failure window: says what went wrong and reports the person's choice
// to the background page. Cancel is the default; Esc means Cancel.

import { FAILURE_CHOICE_MESSAGE } from "../modules/failureprompt.mjs";
import { failureTextKeys, parseFailureQuery } from "../modules/failuretext.mjs";
import { pageMessages } from "../modules/messages.mjs";

const failure = parseFailureQuery(window.location.search);
const keys = failureTextKeys(
  failure.kind,
  failure.allowSendAnyway,
  failure.code,
);
const text = await pageMessages(browser, document);
let chosen = false;

function choose(choice) {
  if (chosen) {
    return;
  }
  chosen = true;
  // The background closes this window once it has the choice; if the message
  // is lost, closing the window still counts as Cancel.
  browser.runtime
    .sendMessage({ type: FAILURE_CHOICE_MESSAGE, token: failure.token, choice })
    .catch(() => window.close());
}

document.title = text(keys.title);
document.getElementById("headline").textContent = text(keys.headline);
// What the host's error code means, in the person's language, above the raw
// detail that IT support needs as it is.
const explanation = document.getElementById("explanation");
if (keys.explanation) {
  explanation.textContent = text(keys.explanation);
  explanation.hidden = false;
} else {
  explanation.remove();
}
document.getElementById("hint").textContent = text(keys.hint);
document.getElementById("detail-label").textContent = text(keys.detailLabel);
document.getElementById("detail").textContent = failure.detail;

const cancelButton = document.getElementById("cancel");
cancelButton.textContent = text(keys.cancel);
cancelButton.addEventListener("click", () => choose("cancel"));

const sendButton = document.getElementById("send-anyway");
if (failure.allowSendAnyway) {
  sendButton.textContent = text(keys.sendAnyway);
  sendButton.hidden = false;
  sendButton.addEventListener("click", () => choose("send"));
} else {
  sendButton.remove();
}

document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    event.preventDefault();
    choose("cancel");
  }
});

cancelButton.focus();
const sendAnyway = failure.allowSendAnyway ? "offered" : "not offered";
const code = failure.code ? ` (${failure.code})` : "";
console.log(
  `SendGuard failure window: ${failure.kind}${code}, send anyway ${sendAnyway}`,
);
