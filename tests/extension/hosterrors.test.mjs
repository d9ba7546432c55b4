// The host's error codes in the failure window: every code the host can send
// (read from its C++ source, so that a new code cannot go unnoticed) has a
// sentence in English and in Japanese, shown above the raw detail; a code the
// add-in does not know leaves the generic headline alone.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

import {
  createFailurePrompt,
  failurePageUrl,
} from "../../extension/modules/failureprompt.mjs";
import {
  HOST_ERROR_CODES,
  failureTextKeys,
  hostErrorTextKey,
  parseFailureQuery,
} from "../../extension/modules/failuretext.mjs";
import {
  FailureKind,
  HostClient,
  HostFailure,
} from "../../extension/modules/hostclient.mjs";
import { createSendFlow } from "../../extension/modules/sendflow.mjs";
import {
  SettingsOutcome,
  settingsResultExplanationKey,
} from "../../extension/modules/settingsopener.mjs";
import { FakeClock, fakeConnector, flush } from "./fakes.mjs";

const root = new URL("../../", import.meta.url);

function source(path) {
  return readFileSync(fileURLToPath(new URL(path, root)), "utf8");
}

function messages(locale) {
  return JSON.parse(source(`extension/_locales/${locale}/messages.json`));
}

// The body of the first `{ ... }` after `start` in `text`, braces balanced.
function block(text, start) {
  const open = text.indexOf("{", text.indexOf(start));
  assert.ok(open > 0, `${start} not found`);
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    depth += text[i] === "{" ? 1 : text[i] === "}" ? -1 : 0;
    if (depth === 0) {
      return text.slice(open + 1, i);
    }
  }
  throw new Error(`${start}: no closing brace`);
}

// What the host puts in an error reply's `code`: errorJson (protocol/reply.cpp)
// spells every ErrorCode through errorCodeName (engine/result.cpp).
function codesTheHostCanSend() {
  assert.match(
    source("native-host/protocol/reply.cpp"),
    /\{"code", errorCodeName\(error\.code\)\}/,
    "error replies no longer spell their code through errorCodeName",
  );
  const enumerators = block(
    source("native-host/engine/result.h"),
    "enum class ErrorCode",
  )
    .split("\n")
    .map((line) => line.replace(/\/\/.*/, "").trim())
    .filter((line) => /^[A-Z]\w*,?$/.test(line));
  const names = new Set(
    [
      ...block(
        source("native-host/engine/result.cpp"),
        "const char *errorCodeName",
      ).matchAll(/return "([a-z-]+)";/g),
    ].map((m) => m[1]),
  );
  assert.ok(enumerators.length >= 10, "the ErrorCode scan is broken");
  assert.equal(
    names.size,
    enumerators.length,
    "each ErrorCode needs a name of its own in errorCodeName",
  );
  return [...names].sort();
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("host error codes", () => {
  const english = messages("en");
  const japanese = messages("ja");

  it("should know exactly the codes the host can send", () => {
    assert.deepEqual([...HOST_ERROR_CODES].sort(), codesTheHostCanSend());
  });

  // The scan fails in the test above, not while the tests are being listed.
  let scanned = [];
  try {
    scanned = codesTheHostCanSend();
  } catch {
    // reported by "should know exactly the codes the host can send"
  }
  for (const code of new Set([...HOST_ERROR_CODES, ...scanned])) {
    it(`should explain ${code} in English and in Japanese`, () => {
      const key = hostErrorTextKey(code);
      assert.notEqual(key, "", `${code} has no sentence`);
      assert.ok(english[key]?.message?.trim(), `en lacks ${key}`);
      assert.ok(japanese[key]?.message?.trim(), `ja lacks ${key}`);
      assert.match(japanese[key].message, JAPANESE, `ja/${key} not Japanese`);
      assert.doesNotMatch(english[key].message, JAPANESE);
    });
  }

  it("should give each code a sentence of its own", () => {
    const keys = HOST_ERROR_CODES.map(hostErrorTextKey);
    assert.equal(new Set(keys).size, keys.length);
    for (const locale of [english, japanese]) {
      const sentences = keys.map((key) => locale[key].message);
      assert.equal(new Set(sentences).size, sentences.length);
    }
  });

  for (const code of ["no-such-code", "", undefined, "__proto__", "toString"]) {
    it(`should fall back to the headline alone for ${String(code)}`, () => {
      assert.equal(hostErrorTextKey(code), "");
      const keys = failureTextKeys(FailureKind.ERROR_REPLY, true, code);
      assert.equal(keys.headline, "failureErrorReply");
      assert.equal("explanation" in keys, false);
    });
  }

  it("should explain a code only for an error reply", () => {
    const reply = failureTextKeys(FailureKind.ERROR_REPLY, false, "io");
    assert.equal(reply.explanation, "failureCode_io");
    for (const kind of Object.values(FailureKind)) {
      if (kind !== FailureKind.ERROR_REPLY) {
        const keys = failureTextKeys(kind, false, "io");
        assert.equal("explanation" in keys, false);
      }
    }
  });

  it("should carry the code and the raw detail through the window's URL", () => {
    const failure = {
      token: "t1",
      kind: FailureKind.ERROR_REPLY,
      code: "frame-too-large",
      detail: "frame-too-large: frame of 2000000 bytes is over 1048576",
      allowSendAnyway: false,
    };
    const url = new URL(failurePageUrl(failure), "moz-extension://x/");
    assert.deepEqual(parseFailureQuery(url.search), failure);
  });

  for (const [page, script, shown] of [
    ["failure/failure.html", "failure/failure.mjs", /text\(keys\.explanation\)/],
    ["learn/learn.html", "learn/learn.mjs", /text\(view\.explanation\)/],
  ]) {
    it(`should show the explanation above the technical detail in ${page}`, () => {
      const html = source(`extension/${page}`);
      const explanation = html.indexOf('id="explanation"');
      assert.ok(explanation > html.indexOf('id="headline"'));
      assert.ok(explanation < html.indexOf('id="detail"'));
      assert.match(source(`extension/${script}`), shown);
    });
  }

  // A real HostClient and send flow: the host's error reply reaches the
  // failure window's URL with its code, and the window finds a sentence.
  it("should take a host's error reply to an explained failure window", async () => {
    const { connect, ports } = fakeConnector();
    const client = new HostClient({
      connect,
      hostName: "h",
      timers: new FakeClock(),
    });
    const opened = [];
    const prompt = createFailurePrompt({
      openWindow: async (url) => {
        opened.push(url);
        return 1;
      },
      closeWindow: async () => {},
      newToken: () => "t1",
    });
    const flow = createSendFlow({
      client,
      readPolicy: async () => ({ onHostFailure: "block" }),
      listAttachments: async () => [],
      askAfterFailure: (failure) => prompt.ask(failure),
    });
    const result = flow.onBeforeSend(
      { id: 1, type: "messageCompose" },
      { from: "a@corp.example", to: ["b@client.example"], cc: [], bcc: [] },
    );
    await flush(20);
    const request = ports[0].lastOfType("review");
    ports[0].reply({
      type: "error",
      id: request.id,
      code: "unavailable",
      message: "There is no display to show the confirmation dialog on.",
    });
    await flush(20);
    assert.equal(opened.length, 1);
    const url = new URL(opened[0], "moz-extension://x/");
    const shown = parseFailureQuery(url.search);
    assert.equal(shown.code, "unavailable");
    assert.equal(
      shown.detail,
      "unavailable: There is no display to show the confirmation dialog on.",
    );
    const keys = failureTextKeys(shown.kind, shown.allowSendAnyway, shown.code);
    assert.equal(keys.explanation, "failureCode_unavailable");
    assert.match(japanese[keys.explanation].message, JAPANESE);
    prompt.handleMessage({
      type: "sendguard-failure-choice",
      token: "t1",
      choice: "cancel",
    });
    assert.deepEqual(await result, { cancel: true });
  });

  it("should keep a failure that is no error reply free of a code", () => {
    const failure = new HostFailure(FailureKind.HOST_DIED, "gone");
    assert.equal(failure.code, "");
  });

  it("should explain a failed settings window by its code too", () => {
    const failed = {
      outcome: SettingsOutcome.FAILED,
      kind: FailureKind.ERROR_REPLY,
      code: "unavailable",
      detail: "unavailable: no display to show the settings dialog",
    };
    assert.equal(
      settingsResultExplanationKey(failed),
      "failureCode_unavailable",
    );
    assert.equal(
      settingsResultExplanationKey({ ...failed, code: "no-such-code" }),
      "",
    );
    assert.equal(
      settingsResultExplanationKey({ ...failed, kind: FailureKind.HOST_DIED }),
      "",
    );
    assert.equal(
      settingsResultExplanationKey({ outcome: SettingsOutcome.SAVED }),
      "",
    );
  });
});
