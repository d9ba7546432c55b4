// The learn window: offers to learn from the Sent folders, shows the
// background's progress and says in plain words what went wrong. The work
// itself runs in the background page, so closing this window stops nothing.
// Enter presses the focused button; Esc closes the window.

import { learnView } from "../modules/learntext.mjs";
import { pageMessages } from "../modules/messages.mjs";
import {
  LEARN_PROGRESS_MESSAGE,
  LEARN_REQUEST_MESSAGE,
} from "../modules/sentlearner.mjs";

const text = await pageMessages(browser, document);
const element = (id) => document.getElementById(id);
const BUTTONS = ["learn", "retry", "notNow", "close"];

function ask(action) {
  return browser.runtime.sendMessage({ type: LEARN_REQUEST_MESSAGE, action });
}

let shownSeq = -1;

function render(status) {
  if (status.seq < shownSeq) {
    return;
  }
  shownSeq = status.seq;
  const view = learnView(status);
  element("headline").textContent = text(view.headline);
  // What the host's error code means, above the raw detail IT support needs.
  element("explanation").hidden = view.explanation === "";
  element("explanation").textContent = view.explanation
    ? text(view.explanation)
    : "";
  const progress = element("progress");
  progress.hidden = !view.showProgress;
  progress.max = Math.max(1, status.total ?? 0);
  progress.value = Math.min(status.read ?? 0, progress.max);
  element("counts").textContent = view.progress
    ? text(view.progress.key, view.progress.substitutions)
    : "";
  element("detail-line").hidden = view.detail === "";
  element("detail").textContent = view.detail;
  for (const id of BUTTONS) {
    element(id).hidden = !view.buttons.includes(id);
  }
  const active = document.activeElement;
  if (active === null || active === document.body || active.hidden) {
    element(view.buttons[0]).focus();
  }
  // One line per state change, for the e2e tests and for support.
  const kind = status.failure ? ` (${status.failure.kind})` : "";
  console.log(
    `SendGuard learn window: ${status.phase} ${status.read ?? 0} of ` +
      `${status.total ?? 0}${kind}`,
  );
}

document.title = text("learnTitle");
element("privacy").textContent = text("learnPrivacy");
element("detail-label").textContent = text("failureDetailLabel");
for (const id of BUTTONS) {
  element(id).textContent = text(`learnButton_${id}`);
}
element("learn").addEventListener("click", () => ask("start").then(render));
element("retry").addEventListener("click", () => ask("start").then(render));
element("notNow").addEventListener("click", () => window.close());
element("close").addEventListener("click", () => window.close());
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape") {
    event.preventDefault();
    window.close();
  }
});

browser.runtime.onMessage.addListener((message) => {
  if (message?.type === LEARN_PROGRESS_MESSAGE) {
    render(message.status);
  }
});

ask("status")
  .then(render)
  .catch((error) => {
    element("headline").textContent = text("learnFailedInternal");
    element("detail").textContent = String(error?.message ?? error);
    element("detail-line").hidden = false;
    element("close").hidden = false;
    element("close").focus();
  });
