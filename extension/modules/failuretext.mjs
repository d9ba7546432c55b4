// Which strings the failure window shows for each kind of failure. The keys
// name entries in _locales/*/messages.json.

import { FailureKind } from "./hostclient.mjs";

// Every error code the host can send in an error reply: the names of its
// ErrorCode enum (errorCodeName in native-host/engine/result.cpp). Each has a
// sentence, failureCode_<code with "_" for "-">, that says in the person's
// language what went wrong; tests/extension/hosterrors.test.mjs holds this
// list to the C++ source and to both locales.
export const HOST_ERROR_CODES = Object.freeze([
  "invalid-address",
  "invalid-domain",
  "invalid-pattern",
  "invalid-policy",
  "malformed-frame",
  "frame-too-large",
  "malformed-json",
  "invalid-request",
  "io",
  "unavailable",
  "internal",
]);

// The messages.json key of the sentence for a host error code, or "" for a
// code this add-in does not know (a newer host's, or none): the headline
// alone then says what happened.
export function hostErrorTextKey(code) {
  if (!HOST_ERROR_CODES.includes(code)) {
    return "";
  }
  return `failureCode_${code.replaceAll("-", "_")}`;
}

const HEADLINE_BY_KIND = {
  [FailureKind.HOST_MISSING]: "failureHostMissing",
  [FailureKind.HOST_DIED]: "failureHostDied",
  [FailureKind.HOST_HUNG]: "failureHostHung",
  [FailureKind.BAD_REPLY]: "failureBadReply",
  [FailureKind.ERROR_REPLY]: "failureErrorReply",
  [FailureKind.INTERNAL]: "failureInternal",
};

// `code`: the host's error code, for an error reply; when it is one this
// add-in knows, `explanation` names the sentence that says what it means.
export function failureTextKeys(kind, allowSendAnyway, code = "") {
  const explanation =
    kind === FailureKind.ERROR_REPLY ? hostErrorTextKey(code) : "";
  return {
    title: "failureTitle",
    headline: HEADLINE_BY_KIND[kind] ?? "failureInternal",
    ...(explanation ? { explanation } : {}),
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
    code: query.get("code") ?? "",
    detail: query.get("detail") ?? "",
    allowSendAnyway: query.get("allow") === "1",
  };
}
