import assert from "node:assert/strict";
import { describe, it } from "node:test";

import { buildDraft, htmlToText } from "../../extension/modules/draft.mjs";

// Real onBeforeSend details from Thunderbird 153 (thunderbird-e2e.md §5).
const DETAILS = {
  from: "Test Sender <sender@example.test>",
  to: ["Alice Example <alice@example.test>", "bob@example.test"],
  cc: ['"Carol, C." <carol@example.test>'],
  bcc: ["dave@example.test"],
  type: "new",
  replyTo: [],
  followupTo: [],
  newsgroups: [],
  subject: "Quote",
  isPlainText: true,
  body: "<!DOCTYPE html>\n<html><body>Hello from TBE2E<br>second line</body></html>",
  plainTextBody: "Hello from TBE2E\nsecond line",
  customHeaders: [],
  identityId: "id1",
};

describe("buildDraft", () => {
  it("should map compose details and attachments to the protocol's draft", () => {
    const draft = buildDraft(DETAILS, [{ id: 1, name: "x.txt", size: 19 }]);
    assert.deepEqual(draft, {
      from: "Test Sender <sender@example.test>",
      to: ["Alice Example <alice@example.test>", "bob@example.test"],
      cc: ['"Carol, C." <carol@example.test>'],
      bcc: ["dave@example.test"],
      replyTo: [],
      subject: "Quote",
      body: "Hello from TBE2E\nsecond line",
      type: "new",
      attachments: [{ name: "x.txt", size: 19 }],
      unexpandedLists: [],
    });
  });

  it("should fall back to the HTML body without plainTextBody", () => {
    const { plainTextBody, ...details } = DETAILS;
    const draft = buildDraft(details, []);
    assert.equal(draft.body, "Hello from TBE2E\nsecond line");
  });

  it("should accept a single recipient string", () => {
    const draft = buildDraft({ ...DETAILS, to: "a@x.example" }, []);
    assert.deepEqual(draft.to, ["a@x.example"]);
  });

  it("should give empty lists for missing recipient fields", () => {
    const draft = buildDraft({ subject: "s" }, []);
    assert.deepEqual(draft.cc, []);
    assert.equal(draft.from, "");
    assert.equal(draft.type, "new");
  });

  it("should throw on a recipient object it cannot read", () => {
    assert.throws(
      () =>
        buildDraft({ ...DETAILS, bcc: [{ id: "x", type: "mailingList" }] }, []),
      /bcc/,
    );
  });

  it("should throw when the attachments are not a list", () => {
    assert.throws(() => buildDraft(DETAILS, undefined), /listAttachments/);
  });
});

describe("htmlToText", () => {
  it("should drop tags, head and style, and keep line breaks", () => {
    const html =
      "<html><head><title>t</title><style>p{}</style></head>" +
      "<body><p>One &amp; <b>two</b></p><div>three&nbsp;&lt;x&gt;</div>" +
      "&#x41;&#66;</body></html>";
    assert.equal(htmlToText(html), "One & two\nthree <x>\nAB");
  });
});
