// "Open SendGuard settings" on the options page: the page asks the background
// page, which sends `openSettings` (with the admin policy from managed
// storage) over the one host port and answers once the host's settings dialog
// has closed. Every request is answered, never left waiting: a missing or
// failed host becomes a result the page shows in words.
//
// Nothing here touches browser.*: the client, the policy read and the log are
// injected (see background.mjs).

import { hostErrorTextKey } from "./failuretext.mjs";
import { FailureKind, HostFailure, messageOf } from "./hostclient.mjs";

// runtime message from the options page to the background page.
export const SETTINGS_REQUEST_MESSAGE = "sendguard-open-settings";

export const SettingsOutcome = Object.freeze({
  SAVED: "saved",
  CLOSED: "closed", // closed without saving
  ALREADY_OPEN: "already-open",
  FAILED: "failed",
});

// client: { openSettings(request) -> {saved}, newRequestId() }
// readPolicy() -> the admin policy object, or undefined when IT set none.
export function createSettingsOpener({ client, readPolicy, log = () => {} }) {
  let pending = null;

  async function open() {
    let policy;
    try {
      policy = await readPolicy();
    } catch (error) {
      // The host shows the settings anyway; it cannot show the admin's part.
      log(
        "warn",
        `managed policy unreadable for settings: ${messageOf(error)}`,
      );
    }
    const request = { type: "openSettings", id: client.newRequestId() };
    if (policy !== undefined) {
      request.policy = policy;
    }
    try {
      const reply = await client.openSettings(request);
      return {
        outcome: reply.saved ? SettingsOutcome.SAVED : SettingsOutcome.CLOSED,
      };
    } catch (error) {
      const kind =
        error instanceof HostFailure ? error.kind : FailureKind.INTERNAL;
      log("warn", `settings could not open: ${kind}: ${messageOf(error)}`);
      return {
        outcome: SettingsOutcome.FAILED,
        kind,
        code: error instanceof HostFailure ? error.code : "",
        detail: messageOf(error),
      };
    }
  }

  // Resolves with {outcome, kind?, code?, detail?}; never rejects. While a
  // dialog is open, a second click gets ALREADY_OPEN rather than a second
  // window.
  function openSettings() {
    if (pending !== null) {
      return Promise.resolve({ outcome: SettingsOutcome.ALREADY_OPEN });
    }
    pending = open().finally(() => {
      pending = null;
    });
    return pending;
  }

  function handleMessage(message) {
    if (message?.type !== SETTINGS_REQUEST_MESSAGE) {
      return undefined;
    }
    return openSettings();
  }

  return { openSettings, handleMessage };
}

const FAILURE_TEXT_BY_KIND = {
  [FailureKind.HOST_MISSING]: "settingsFailedHostMissing",
  [FailureKind.ERROR_REPLY]: "settingsFailedErrorReply",
};

// The messages.json key of what the options page says after `result`, or ""
// for nothing to say. A result that is not one (the background page did not
// answer) counts as a failure.
export function settingsResultTextKey(result) {
  switch (result?.outcome) {
    case SettingsOutcome.SAVED:
      return "settingsSaved";
    case SettingsOutcome.CLOSED:
      return "settingsClosedUnsaved";
    case SettingsOutcome.ALREADY_OPEN:
      return "settingsAlreadyOpen";
    case SettingsOutcome.FAILED:
      return FAILURE_TEXT_BY_KIND[result.kind] ?? "settingsFailed";
    default:
      return "settingsFailed";
  }
}

// The messages.json key of what the host's error code means, for a failure
// that was the host's error reply; "" otherwise. The options page shows it
// before the raw detail.
export function settingsResultExplanationKey(result) {
  if (result?.outcome !== SettingsOutcome.FAILED) {
    return "";
  }
  return result.kind === FailureKind.ERROR_REPLY
    ? hostErrorTextKey(result.code)
    : "";
}
