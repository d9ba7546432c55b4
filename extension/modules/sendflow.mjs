// The onBeforeSend / onAfterSend logic.
//
// Thunderbird waits on the onBeforeSend promise with no timeout, and a
// rejected promise leaves the composer locked for good. So onBeforeSend
// always resolves with an explicit {cancel}, on every path.

import { buildDraft } from "./draft.mjs";
import { FailureKind, HostFailure, messageOf } from "./hostclient.mjs";
import { hostFailureMode } from "./policy.mjs";

export const PROTOCOL_VERSION = 1;

export function buildReviewRequest(id, draft, policy) {
  const request = { type: "review", id, protocol: PROTOCOL_VERSION, draft };
  if (policy !== undefined) {
    request.policy = policy;
  }
  return request;
}

// The rule ids of the verdict's findings, once each: no addresses, so safe to
// log; the e2e tests read them from Thunderbird's console.
function rulesOf(verdict) {
  if (!Array.isArray(verdict.findings)) {
    return "";
  }
  const rules = new Set(verdict.findings.map((finding) => finding?.rule));
  rules.delete(undefined);
  return rules.size === 0 ? "" : ` (rules: ${[...rules].join(", ")})`;
}

// keptLists: per field, the list entries the host never saw (they could not
// be expanded). An edit replaces a whole field, so they are put back into it:
// an edit must never drop a recipient.
function verdictResult(verdict, keptLists = {}) {
  if (verdict.decision !== "send") {
    return { cancel: true };
  }
  if (verdict.edits === undefined) {
    return { cancel: false };
  }
  const details = {};
  for (const key of ["to", "cc", "bcc"]) {
    if (verdict.edits[key] !== undefined) {
      details[key] = [...verdict.edits[key], ...(keptLists[key] ?? [])];
    }
  }
  return { cancel: false, details };
}

// Returns why the verdict's edits cannot be applied, or "" when they can. An
// edit may only move the entries the person chose (the draft's To, Cc and Bcc)
// between the fields, or add one of the policy's autoBcc entries to Bcc: a
// broken or impostor host must never add a recipient nobody chose. The text
// names no address (it is logged and shown).
export function editsProblem(edits, draft, policy) {
  if (edits === undefined) {
    return "";
  }
  const chosen = new Set([...draft.to, ...draft.cc, ...draft.bcc]);
  const autoBcc = new Set(
    Array.isArray(policy?.autoBcc)
      ? policy.autoBcc.filter((entry) => typeof entry === "string")
      : [],
  );
  for (const key of ["to", "cc", "bcc"]) {
    for (const entry of edits[key] ?? []) {
      if (chosen.has(entry) || (key === "bcc" && autoBcc.has(entry))) {
        continue;
      }
      return `the verdict's edits add a recipient to ${key} that was neither chosen nor the policy's autoBcc`;
    }
  }
  return "";
}

// The unexpanded list entries of each field of the compose details.
function listsByField(details, unexpandedLists) {
  const kept = {};
  for (const key of ["to", "cc", "bcc"]) {
    const entries = Array.isArray(details[key]) ? details[key] : [];
    kept[key] = entries.filter((entry) => unexpandedLists.includes(entry));
  }
  return kept;
}

async function noOriginal() {
  return undefined;
}

async function noListExpansion(details) {
  return {
    to: details.to,
    cc: details.cc,
    bcc: details.bcc,
    unexpandedLists: [],
  };
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
// code, detail, allowSendAnyway}) resolves with "send" or "cancel" once the
// person has chosen in the failure window. readOriginal(details) resolves
// with the draft's `original` or undefined (original.mjs);
// expandLists(details) resolves with {to, cc, bcc, unexpandedLists} and never
// rejects (lists.mjs).
export function createSendFlow({
  client,
  readPolicy,
  listAttachments,
  askAfterFailure,
  readOriginal = noOriginal,
  expandLists = noListExpansion,
  log = () => {},
}) {
  const reviewIdByTab = new Map();

  async function failureResult(error, policyKnown, policy) {
    const kind = error?.kind ?? FailureKind.INTERNAL;
    const code = typeof error?.code === "string" ? error.code : "";
    const detail = messageOf(error);
    // Without the policy we cannot know whether IT allows sending unchecked.
    const allowSendAnyway = policyKnown && hostFailureMode(policy) === "ask";
    log("warn", `review failed (${kind}): ${detail}`);
    const choice = await askAfterFailure({
      kind,
      code,
      detail,
      allowSendAnyway,
    });
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
      // All reads run at once: they sit on the path from Send to the dialog.
      const policyRead = Promise.resolve().then(readPolicy);
      const attachmentsRead = Promise.resolve().then(() =>
        listAttachments(tabId),
      );
      const listsRead = Promise.resolve().then(() => expandLists(details));
      // Without the original the host only skips new-domain-in-reply.
      const originalRead = Promise.resolve()
        .then(() => readOriginal(details))
        .catch((error) => {
          log("warn", `original message not read: ${messageOf(error)}`);
          return undefined;
        });
      // Keep a rejection of one from going unhandled while we await the other.
      attachmentsRead.catch(() => {});
      listsRead.catch(() => {});
      policy = await policyRead;
      policyKnown = true;
      const attachments = await attachmentsRead;
      const lists = await listsRead;
      const original = await originalRead;
      const id = client.newRequestId();
      const draft = buildDraft(details, attachments, { lists, original });
      const verdict = await client.review(
        buildReviewRequest(id, draft, policy),
      );
      log("info", `review ${id}: ${verdict.decision}${rulesOf(verdict)}`);
      const problem =
        verdict.decision === "send"
          ? editsProblem(verdict.edits, draft, policy)
          : "";
      if (problem) {
        throw new HostFailure(FailureKind.BAD_REPLY, problem);
      }
      if (verdict.decision === "send") {
        reviewIdByTab.set(tabId, id);
      }
      return verdictResult(
        verdict,
        listsByField(details, draft.unexpandedLists),
      );
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
      client.notifySent(id, sendInfo.headerMessageId);
    } catch (error) {
      log("error", `unexpected error in onAfterSend: ${messageOf(error)}`);
    }
  }

  return { onBeforeSend, onAfterSend };
}
