// What the learn window says for each state of a run. Keys name entries in
// _locales/*/messages.json; substitutions are strings, as i18n.getMessage
// wants them.

import { hostErrorTextKey } from "./failuretext.mjs";
import { FailureKind } from "./hostclient.mjs";
import { LearnPhase, READ_FAILED } from "./sentlearner.mjs";

const FAILURE_BY_KIND = {
  [FailureKind.HOST_MISSING]: "learnFailedHostMissing",
  [FailureKind.HOST_DIED]: "learnFailedHost",
  [FailureKind.HOST_HUNG]: "learnFailedHost",
  [FailureKind.BAD_REPLY]: "learnFailedHost",
  [FailureKind.ERROR_REPLY]: "learnFailedErrorReply",
  [FailureKind.INTERNAL]: "learnFailedHost",
  [READ_FAILED]: "learnFailedRead",
};

// -> { headline, progress: {key, substitutions} | null, showProgress,
//      buttons: ["learn" | "retry" | "close" | "notNow"], detail, explanation }
// `explanation` is the key of what the host's error code means (an error
// reply with a code this add-in knows), or "".
export function learnView(status) {
  const counts = [String(status.read ?? 0), String(status.total ?? 0)];
  switch (status.phase) {
    case LearnPhase.RUNNING:
      return {
        headline: "learnRunning",
        progress: { key: "learnProgress", substitutions: counts },
        showProgress: true,
        buttons: ["close"],
        detail: "",
        explanation: "",
      };
    case LearnPhase.DONE:
      return {
        headline: status.read === 0 ? "learnDoneEmpty" : "learnDone",
        progress: {
          key: "learnDoneCounts",
          substitutions: [
            String(status.read),
            String(status.learned ?? 0),
            String(status.skipped ?? 0),
          ],
        },
        showProgress: true,
        buttons: ["close"],
        detail: "",
        explanation: "",
      };
    case LearnPhase.FAILED:
      return {
        headline: FAILURE_BY_KIND[status.failure?.kind] ?? "learnFailedHost",
        progress: null,
        showProgress: false,
        buttons: ["retry", "close"],
        detail: status.failure?.detail ?? "",
        explanation:
          status.failure?.kind === FailureKind.ERROR_REPLY
            ? hostErrorTextKey(status.failure.code)
            : "",
      };
    default:
      return {
        headline: "learnOffer",
        progress: null,
        showProgress: false,
        buttons: ["learn", "notNow"],
        detail: "",
        explanation: "",
      };
  }
}
