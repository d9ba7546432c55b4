// The add-on's options page: learning from the Sent folders again. The
// learn window does the rest.

import { pageMessages } from "../modules/messages.mjs";
import { LEARN_REQUEST_MESSAGE } from "../modules/sentlearner.mjs";

const text = await pageMessages(browser, document);
const ask = (action) =>
  browser.runtime.sendMessage({ type: LEARN_REQUEST_MESSAGE, action });

document.getElementById("explanation").textContent = text("learnPrivacy");
const button = document.getElementById("open-learn");
button.textContent = text("optionsLearnButton");
button.addEventListener("click", () => ask("open"));

ask("stored").then((stored) => {
  if (stored.doneAt) {
    document.getElementById("last").textContent = text("optionsLearnLast", [
      new Date(stored.doneAt).toLocaleString(),
      String(stored.messages ?? 0),
    ]);
  }
});
