// Which strings the failure window shows for each kind of failure. The keys
// name entries in _locales/*/messages.json.

import { FailureKind } from "./hostclient.mjs";

const HEADLINE_BY_KIND = {
  [FailureKind.HOST_MISSING]: "failureHostMissing",
  [FailureKind.HOST_DIED]: "failureHostDied",
  [FailureKind.HOST_HUNG]: "failureHostHung",
  [FailureKind.BAD_REPLY]: "failureBadReply",
  [FailureKind.ERROR_REPLY]: "failureErrorReply",
  [FailureKind.INTERNAL]: "failureInternal",
};

export function failureTextKeys(kind, allowSendAnyway) {
  return {
    title: "failureTitle",
    headline: HEADLINE_BY_KIND[kind] ?? "failureInternal",
    hint: allowSendAnyway ? "failureHintAsk" : "failureHintBlock",
    detailLabel: "failureDetailLabel",
    cancel: "failureCancel",
    sendAnyway: "failureSendAnyway",
  };
}

// Reads the page's query string (see failurePageUrl).
export function parseFailureQuery(search) {
  const query = new URLSearchParams(search);
  return {
    token: query.get("token") ?? "",
    kind: query.get("kind") ?? FailureKind.INTERNAL,
    detail: query.get("detail") ?? "",
    allowSendAnyway: query.get("allow") === "1",
  };
}
