// The onBeforeSend / onAfterSend logic.
//
// Thunderbird waits on the onBeforeSend promise with no timeout, and a
// rejected promise leaves the composer locked for good. So onBeforeSend
// always resolves with an explicit {cancel}, on every path.

import { buildDraft } from "./draft.mjs";
import { FailureKind, messageOf } from "./hostclient.mjs";
import { hostFailureMode } from "./policy.mjs";

export const PROTOCOL_VERSION = 1;

export function buildReviewRequest(id, draft, policy) {
  const request = { type: "review", id, protocol: PROTOCOL_VERSION, draft };
  if (policy !== undefined) {
    request.policy = policy;
  }
  return request;
}

function verdictResult(verdict) {
  if (verdict.decision !== "send") {
    return { cancel: true };
  }
  if (verdict.edits === undefined) {
    return { cancel: false };
  }
  const details = {};
  for (const key of ["to", "cc", "bcc"]) {
    if (verdict.edits[key] !== undefined) {
      details[key] = verdict.edits[key];
    }
  }
  return { cancel: false, details };
}

// True when onAfterSend reports mail that really left (or was queued).
export function isRealSend(sendInfo) {
  return (
    typeof sendInfo === "object" &&
    sendInfo !== null &&
    !sendInfo.error &&
    (sendInfo.mode === "sendNow" || sendInfo.mode === "sendLater")
  );
}

// client: a HostClient. readPolicy() resolves with the policy or undefined.
// listAttachments(tabId) is compose.listAttachments. askAfterFailure({kind,
// detail, allowSendAnyway}) resolves with "send" or "cancel" once the person
// has chosen in the failure window.
export function createSendFlow({
  client,
  readPolicy,
  listAttachments,
  askAfterFailure,
  log = () => {},
}) {
  const reviewIdByTab = new Map();

  async function failureResult(error, policyKnown, policy) {
    const kind = error?.kind ?? FailureKind.INTERNAL;
    const detail = messageOf(error);
    // Without the policy we cannot know whether IT allows sending unchecked.
    const allowSendAnyway = policyKnown && hostFailureMode(policy) === "ask";
    log("warn", `review failed (${kind}): ${detail}`);
    const choice = await askAfterFailure({ kind, detail, allowSendAnyway });
    const send = choice === "send" && allowSendAnyway;
    log(
      "info",
      `after the failure the person chose ${send ? "send" : "cancel"}`,
    );
    return { cancel: !send };
  }

  async function review(tab, details) {
    const tabId = tab?.id;
    reviewIdByTab.delete(tabId);
    let policy;
    let policyKnown = false;
    try {
      // Both reads run at once: they sit on the path from Send to the dialog.
      const policyRead = Promise.resolve().then(readPolicy);
      const attachmentsRead = Promise.resolve().then(() =>
        listAttachments(tabId),
      );
      // Keep a rejection of one from going unhandled while we await the other.
      attachmentsRead.catch(() => {});
      policy = await policyRead;
      policyKnown = true;
      const attachments = await attachmentsRead;
      const id = client.newRequestId();
      const draft = buildDraft(details, attachments);
      const verdict = await client.review(
        buildReviewRequest(id, draft, policy),
      );
      log("info", `review ${id}: ${verdict.decision}`);
      if (verdict.decision === "send") {
        reviewIdByTab.set(tabId, id);
      }
      return verdictResult(verdict);
    } catch (error) {
      return failureResult(error, policyKnown, policy);
    }
  }

  async function onBeforeSend(tab, details) {
    try {
      const result = await review(tab, details);
      return { ...result, cancel: result.cancel !== false };
    } catch (error) {
      // Last resort: never let the listener reject.
      log("error", `unexpected error in onBeforeSend: ${messageOf(error)}`);
      return { cancel: true };
    }
  }

  function onAfterSend(tab, sendInfo) {
    try {
      const id = reviewIdByTab.get(tab?.id);
      reviewIdByTab.delete(tab?.id);
      if (id === undefined || !isRealSend(sendInfo)) {
        return;
      }
      client.notifySent(id);
    } catch (error) {
      log("error", `unexpected error in onAfterSend: ${messageOf(error)}`);
    }
  }

  return { onBeforeSend, onAfterSend };
}
