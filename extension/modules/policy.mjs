// The admin policy from storage.managed (enterprise policies' 3rdparty
// section). Absent policy is normal and must not look like a failure.

import { isPlainObject } from "./hostclient.mjs";

// Thunderbird rejects storage.managed.get() with this when IT set nothing.
export const NO_MANAGED_STORAGE = "Managed storage manifest not found";

// Resolves with the policy object, or undefined when none is set. Any other
// failure rejects: the caller cannot tell what IT wanted.
export async function readManagedPolicy(getManaged) {
  let value;
  try {
    value = await getManaged();
  } catch (error) {
    if (String(error?.message ?? error).includes(NO_MANAGED_STORAGE)) {
      return undefined;
    }
    throw error;
  }
  if (value === undefined || value === null) {
    return undefined;
  }
  if (!isPlainObject(value)) {
    throw new TypeError("managed storage did not return an object");
  }
  if (Object.keys(value).length === 0) {
    return undefined;
  }
  return normalizeManagedPolicy(value);
}

// The policy keys that hold lists of strings, and those that hold switches.
export const LIST_KEYS = new Set([
  "internalDomains",
  "trustedDomains",
  "blockedDomains",
  "attentionDomains",
  "attentionTerms",
  "attentionAttachmentSuffixes",
  "attachmentReminderTerms",
  "autoBcc",
  "locked",
]);
export const SWITCH_KEYS = new Set(["skipWhenInternalOnly"]);

// On Windows the policy comes from the registry (the MSI's properties or the
// Group Policy templates, installer/windows/), which Thunderbird turns into
// JSON by registry type: REG_SZ a string, REG_DWORD a number. Neither can hold
// a list or a boolean, so there a list is one string of entries separated by
// ";" ("corp.example;*.corp.example") and a switch is 0 or 1. This gives them
// the form the rest of SendGuard reads: a list of the trimmed, non-empty
// entries, and true or false. A list already given as an array (policies.json,
// or a registry subkey of values named 1, 2, 3...) and anything else are left
// as they are, for the host to check and report.
export function normalizeManagedPolicy(policy) {
  const result = {};
  for (const [key, value] of Object.entries(policy)) {
    if (LIST_KEYS.has(key) && typeof value === "string") {
      result[key] = value
        .split(";")
        .map((entry) => entry.trim())
        .filter((entry) => entry !== "");
    } else if (SWITCH_KEYS.has(key) && (value === 0 || value === 1)) {
      result[key] = value === 1;
    } else {
      result[key] = value;
    }
  }
  return result;
}

// "ask" (the default) offers "Send anyway" after a host failure, "block" does
// not. An unknown value is treated as "block": we cannot guess a permission.
export function hostFailureMode(policy) {
  const mode = policy?.onHostFailure;
  if (mode === undefined || mode === "ask") {
    return "ask";
  }
  return "block";
}
