// The add-on's options page: opening SendGuard's own settings window (shown
// by the host), and learning from the Sent folders again. The background page
// does the talking; this page only shows what it answers.

import { pageMessages } from "../modules/messages.mjs";
import { LEARN_REQUEST_MESSAGE } from "../modules/sentlearner.mjs";
import {
  SETTINGS_REQUEST_MESSAGE,
  SettingsOutcome,
  settingsResultExplanationKey,
  settingsResultTextKey,
} from "../modules/settingsopener.mjs";
import { FailureKind, messageOf } from "../modules/hostclient.mjs";

const text = await pageMessages(browser, document);
const ask = (action) =>
  browser.runtime.sendMessage({ type: LEARN_REQUEST_MESSAGE, action });

document.getElementById("settings-explanation").textContent = text(
  "optionsSettingsExplanation",
);
const settingsButton = document.getElementById("open-settings");
const settingsStatus = document.getElementById("settings-status");
settingsButton.textContent = text("optionsSettingsButton");
settingsButton.addEventListener("click", async () => {
  settingsButton.disabled = true;
  settingsStatus.textContent = text("settingsOpening");
  // A background page that does not answer rejects; that is a failure too.
  const result = await browser.runtime
    .sendMessage({ type: SETTINGS_REQUEST_MESSAGE })
    .catch((error) => ({
      outcome: SettingsOutcome.FAILED,
      kind: FailureKind.INTERNAL,
      detail: messageOf(error),
    }));
  // The host's words stay as they are (IT support needs them), after what
  // its error code means in the person's language.
  const detail = String(result?.detail ?? "");
  const explanationKey = settingsResultExplanationKey(result);
  const shown = explanationKey ? `${text(explanationKey)} (${detail})` : detail;
  settingsStatus.textContent = text(settingsResultTextKey(result), [shown]);
  settingsButton.disabled = false;
});

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
