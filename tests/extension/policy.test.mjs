import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  NO_MANAGED_STORAGE,
  hostFailureMode,
  readManagedPolicy,
} from "../../extension/modules/policy.mjs";

describe("readManagedPolicy", () => {
  it("should give undefined when Thunderbird has no managed storage", async () => {
    const policy = await readManagedPolicy(async () => {
      throw new Error(NO_MANAGED_STORAGE);
    });
    assert.equal(policy, undefined);
  });

  it("should give undefined for an empty policy", async () => {
    assert.equal(await readManagedPolicy(async () => ({})), undefined);
  });

  it("should return the policy object", async () => {
    const policy = { internalDomains: ["corp.example"] };
    assert.deepEqual(await readManagedPolicy(async () => policy), policy);
  });

  it("should reject on any other storage failure", async () => {
    await assert.rejects(
      readManagedPolicy(async () => {
        throw new Error("disk on fire");
      }),
      /disk on fire/,
    );
  });
});

describe("hostFailureMode", () => {
  for (const [policy, mode] of [
    [undefined, "ask"],
    [{}, "ask"],
    [{ onHostFailure: "ask" }, "ask"],
    [{ onHostFailure: "block" }, "block"],
    [{ onHostFailure: "Block " }, "block"],
  ]) {
    it(`should be ${mode} for ${JSON.stringify(policy)}`, () => {
      assert.equal(hostFailureMode(policy), mode);
    });
  }
});
