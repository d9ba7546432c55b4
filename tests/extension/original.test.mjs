import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  hasRelatedMessage,
  readOriginal,
} from "../../extension/modules/original.mjs";

// A MessageHeader as messages.get returns it (the fields we read).
const HEADER = {
  id: 42,
  author: "Alice Example <alice@client.example>",
  recipients: ["Taro Yamada <taro@corp.example>"],
  ccList: ["bob@partner.example"],
  subject: "Quote for March",
};

describe("hasRelatedMessage", () => {
  const rows = [
    ["a reply", { type: "reply", relatedMessageId: 42 }, true],
    ["a forward", { type: "forward", relatedMessageId: 42 }, true],
    ["a new message", { type: "new", relatedMessageId: 42 }, false],
    ["a draft", { type: "draft", relatedMessageId: 42 }, false],
    ["a reply without the id", { type: "reply" }, false],
  ];
  for (const [name, details, expected] of rows) {
    it(`should say ${expected} for ${name}`, () => {
      assert.equal(hasRelatedMessage(details), expected);
    });
  }
});

describe("readOriginal", () => {
  it("should read sender, To and Cc of the related message", async () => {
    const asked = [];
    const original = await readOriginal(
      { type: "reply", relatedMessageId: 42 },
      async (id) => {
        asked.push(id);
        return HEADER;
      },
    );
    assert.deepEqual(asked, [42]);
    assert.deepEqual(original, {
      from: "Alice Example <alice@client.example>",
      to: ["Taro Yamada <taro@corp.example>"],
      cc: ["bob@partner.example"],
    });
  });

  it("should give empty lists for missing header fields", async () => {
    const original = await readOriginal(
      { type: "forward", relatedMessageId: 1 },
      async () => ({ author: "a@x.example" }),
    );
    assert.deepEqual(original, { from: "a@x.example", to: [], cc: [] });
  });

  it("should not read anything for a new message", async () => {
    const original = await readOriginal({ type: "new" }, async () => {
      throw new Error("must not be called");
    });
    assert.equal(original, undefined);
  });

  it("should reject when the message cannot be read", async () => {
    await assert.rejects(
      readOriginal({ type: "reply", relatedMessageId: 42 }, async () => {
        throw new Error("Message not found: 42.");
      }),
      /not found/,
    );
  });

  it("should reject when messages.get gives no header", async () => {
    await assert.rejects(
      readOriginal({ type: "reply", relatedMessageId: 42 }, async () => null),
      TypeError,
    );
  });
});
