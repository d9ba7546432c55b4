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
  return Object.keys(value).length === 0 ? undefined : value;
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
