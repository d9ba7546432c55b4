import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  NO_MANAGED_STORAGE,
  hostFailureMode,
  normalizeManagedPolicy,
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

describe("normalizeManagedPolicy", () => {
  it("should split a list written as one registry string on semicolons", () => {
    assert.deepEqual(
      normalizeManagedPolicy({
        internalDomains: "corp.example;*.corp.example",
        blockedDomains: " competitor.example ; ;rival.example; ",
        locked: "internalDomains",
      }),
      {
        internalDomains: ["corp.example", "*.corp.example"],
        blockedDomains: ["competitor.example", "rival.example"],
        locked: ["internalDomains"],
      },
    );
  });

  it("should keep a Japanese term whole and drop only blank entries", () => {
    assert.deepEqual(
      normalizeManagedPolicy({ attentionTerms: "社外秘;confidential;;" }),
      { attentionTerms: ["社外秘", "confidential"] },
    );
  });

  it("should give an empty list for a string of separators only", () => {
    assert.deepEqual(normalizeManagedPolicy({ trustedDomains: " ; " }), {
      trustedDomains: [],
    });
  });

  it("should leave lists given as arrays alone", () => {
    const policy = { internalDomains: ["corp.example"], autoBcc: [] };
    assert.deepEqual(normalizeManagedPolicy(policy), policy);
  });

  it("should read a registry switch 0 or 1 as false or true", () => {
    assert.deepEqual(normalizeManagedPolicy({ skipWhenInternalOnly: 0 }), {
      skipWhenInternalOnly: false,
    });
    assert.deepEqual(normalizeManagedPolicy({ skipWhenInternalOnly: 1 }), {
      skipWhenInternalOnly: true,
    });
  });

  it("should pass other values through for the host to check", () => {
    const policy = {
      skipWhenInternalOnly: 2,
      largeAudience: 30,
      onHostFailure: "block",
      countdownSeconds: "5",
      internalDomains: 7,
      rules: { "cc-exposure": { enabled: false } },
    };
    assert.deepEqual(normalizeManagedPolicy(policy), policy);
  });

  it("should be what readManagedPolicy returns", async () => {
    const policy = await readManagedPolicy(async () => ({
      internalDomains: "corp.example;*.corp.example",
      skipWhenInternalOnly: 0,
    }));
    assert.deepEqual(policy, {
      internalDomains: ["corp.example", "*.corp.example"],
      skipWhenInternalOnly: false,
    });
  });
});
