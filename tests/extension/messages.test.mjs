// The add-in pages' words: the policy's language over Thunderbird's, with
// getMessage's placeholder rules, and Thunderbird's choice on any failure.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import {
  formatMessage,
  messageLookup,
  policyLanguage,
} from "../../extension/modules/messages.mjs";

const catalogue = (language) =>
  JSON.parse(
    readFileSync(
      new URL(
        `../../extension/_locales/${language}/messages.json`,
        import.meta.url,
      ),
      "utf8",
    ),
  );

const thunderbird = (key, substitutions) =>
  `tb:${key}:${[substitutions ?? []].flat().join(",")}`;

describe("policyLanguage", () => {
  it("should force only en and ja", () => {
    assert.equal(policyLanguage({ language: "ja" }), "ja");
    assert.equal(policyLanguage({ language: "en" }), "en");
    for (const policy of [
      undefined,
      {},
      { language: "auto" },
      { language: "JA" },
      { language: 1 },
    ]) {
      assert.equal(policyLanguage(policy), undefined);
    }
  });
});

describe("formatMessage", () => {
  it("should fill named placeholders from the substitutions", () => {
    assert.equal(
      formatMessage(catalogue("en"), "learnProgress", ["3", "10"]),
      "3 of 10 messages",
    );
    assert.equal(
      formatMessage(catalogue("ja"), "learnProgress", ["3", "10"]),
      "10 件中 3 件",
    );
    assert.equal(
      formatMessage(catalogue("ja"), "learnDoneCounts", [5, 3, 2]),
      "5 件を読み込みました: 新規 3 件、学習済み 2 件。",
    );
  });

  it("should match placeholder names without regard to case", () => {
    const messages = {
      a: {
        message: "$Who$ and $$ and $1",
        placeholders: { WHO: { content: "<$1>" } },
      },
    };
    assert.equal(formatMessage(messages, "a", ["x"]), "<x> and $ and x");
  });

  it("should keep a substitution that looks like a placeholder", () => {
    assert.equal(
      formatMessage(catalogue("en"), "learnProgress", ["$2", "$TOTAL$"]),
      "$2 of $TOTAL$ messages",
    );
  });

  it("should say undefined for a key it does not have", () => {
    assert.equal(formatMessage(catalogue("en"), "noSuchKey"), undefined);
  });
});

describe("messageLookup", () => {
  const load = async (language) => catalogue(language);

  it("should keep Thunderbird's choice without a forced language", async () => {
    for (const policy of [undefined, { language: "auto" }]) {
      const lookup = await messageLookup({
        readPolicy: async () => policy,
        loadCatalogue: load,
        getMessage: thunderbird,
      });
      assert.equal(lookup.language, undefined);
      assert.equal(lookup.text("failureCancel"), "tb:failureCancel:");
    }
  });

  it("should speak the policy's language", async () => {
    const lookup = await messageLookup({
      readPolicy: async () => ({ language: "ja" }),
      loadCatalogue: load,
      getMessage: thunderbird,
    });
    assert.equal(lookup.language, "ja");
    assert.equal(lookup.text("failureCancel"), "キャンセル");
    assert.equal(lookup.text("failureSendAnyway"), "確認せずに送信");
    // A key the catalogue lacks still gets Thunderbird's words.
    assert.equal(lookup.text("noSuchKey"), "tb:noSuchKey:");
  });

  it("should fall back when the policy or the catalogue fails", async () => {
    const failures = [
      { readPolicy: async () => Promise.reject(new Error("managed")) },
      {
        readPolicy: async () => ({ language: "en" }),
        loadCatalogue: async () => Promise.reject(new Error("fetch")),
      },
      { readPolicy: () => new Promise(() => {}), timeoutMs: 20 },
      {
        readPolicy: async () => ({ language: "ja" }),
        loadCatalogue: () => new Promise(() => {}),
        timeoutMs: 20,
      },
    ];
    for (const failure of failures) {
      const lookup = await messageLookup({
        loadCatalogue: load,
        getMessage: thunderbird,
        ...failure,
      });
      assert.equal(lookup.language, undefined);
      assert.equal(lookup.text("failureTitle"), "tb:failureTitle:");
    }
  });
});
