// The background's side of the failure window: opens one window per failure
// and resolves with the person's choice. Closing the window means Cancel.

import { isPlainObject, messageOf } from "./hostclient.mjs";

export const FAILURE_CHOICE_MESSAGE = "sendguard-failure-choice";
export const FAILURE_PAGE = "failure/failure.html";

export function failurePageUrl({
  token,
  kind,
  code = "",
  detail,
  allowSendAnyway,
}) {
  const query = new URLSearchParams({
    token,
    kind,
    code,
    detail,
    allow: allowSendAnyway ? "1" : "0",
  });
  return `${FAILURE_PAGE}?${query}`;
}

// openWindow(url) resolves with the new window's id; closeWindow(id) closes
// it; newToken() returns an unguessable string.
export function createFailurePrompt({
  openWindow,
  closeWindow,
  newToken,
  log = () => {},
}) {
  const waits = new Map();
  // Windows removed while some window was still opening: its id is not known
  // yet, and a close we miss would leave the send waiting forever.
  const removedWhileOpening = new Set();
  let opening = 0;

  function settle(token, choice) {
    const wait = waits.get(token);
    if (wait === undefined) {
      return undefined;
    }
    waits.delete(token);
    wait.resolve(choice === "send" && wait.allowSendAnyway ? "send" : "cancel");
    return wait;
  }

  async function ask({ kind, code = "", detail, allowSendAnyway }) {
    const token = newToken();
    const choice = new Promise((resolve) => {
      waits.set(token, { resolve, allowSendAnyway, windowId: null });
    });
    opening += 1;
    try {
      const url = failurePageUrl({
        token,
        kind,
        code,
        detail,
        allowSendAnyway,
      });
      const windowId = await openWindow(url);
      const wait = waits.get(token);
      if (wait !== undefined) {
        wait.windowId = windowId;
      }
      if (removedWhileOpening.has(windowId)) {
        settle(token, "cancel");
      }
    } catch (error) {
      // No window, no choice: the message stays unsent.
      log("error", `failure window did not open: ${messageOf(error)}`);
      settle(token, "cancel");
    } finally {
      opening -= 1;
      if (opening === 0) {
        removedWhileOpening.clear();
      }
    }
    return choice;
  }

  // runtime.onMessage: returns true when the message was a failure choice.
  function handleMessage(message) {
    if (!isPlainObject(message) || message.type !== FAILURE_CHOICE_MESSAGE) {
      return false;
    }
    const wait = settle(message.token, message.choice);
    if (wait !== undefined && wait.windowId !== null) {
      Promise.resolve()
        .then(() => closeWindow(wait.windowId))
        .catch((error) => log("warn", `closing failed: ${messageOf(error)}`));
    }
    return true;
  }

  // windows.onRemoved
  function handleWindowRemoved(windowId) {
    if (opening > 0) {
      removedWhileOpening.add(windowId);
    }
    for (const [token, wait] of waits) {
      if (wait.windowId === windowId) {
        settle(token, "cancel");
      }
    }
  }

  return {
    ask,
    handleMessage,
    handleWindowRemoved,
    get openCount() {
      return waits.size;
    },
  };
}
