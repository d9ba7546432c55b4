import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";

import {
  FAILURE_CHOICE_MESSAGE,
  createFailurePrompt,
} from "../../extension/modules/failureprompt.mjs";
import {
  failureTextKeys,
  parseFailureQuery,
} from "../../extension/modules/failuretext.mjs";
import { FailureKind } from "../../extension/modules/hostclient.mjs";
import { flush } from "./fakes.mjs";

const FAILURE = {
  kind: FailureKind.HOST_MISSING,
  code: "",
  detail: "No such native application org.sendguard.host",
  allowSendAnyway: true,
};

function setup({ openWindow } = {}) {
  const opened = [];
  const closed = [];
  let tokens = 0;
  const prompt = createFailurePrompt({
    openWindow:
      openWindow ??
      (async (url) => {
        opened.push(url);
        return 100 + opened.length;
      }),
    closeWindow: async (id) => closed.push(id),
    newToken: () => `t${++tokens}`,
  });
  return { prompt, opened, closed };
}

function choice(token, value) {
  return { type: FAILURE_CHOICE_MESSAGE, token, choice: value };
}

describe("failure prompt", () => {
  it("should open a window that carries the failure in its URL", async () => {
    const { prompt, opened } = setup();
    prompt.ask(FAILURE);
    await flush();
    assert.equal(opened.length, 1);
    const url = new URL(opened[0], "moz-extension://x/");
    assert.equal(url.pathname, "/failure/failure.html");
    assert.deepEqual(parseFailureQuery(url.search), {
      token: "t1",
      ...FAILURE,
    });
  });

  it("should resolve with the person's choice and close the window", async () => {
    const { prompt, closed } = setup();
    const result = prompt.ask(FAILURE);
    await flush();
    assert.equal(prompt.handleMessage(choice("t1", "send")), true);
    assert.equal(await result, "send");
    await flush();
    assert.deepEqual(closed, [101]);
  });

  it("should turn Send anyway into cancel when it was not offered", async () => {
    const { prompt } = setup();
    const result = prompt.ask({ ...FAILURE, allowSendAnyway: false });
    await flush();
    prompt.handleMessage(choice("t1", "send"));
    assert.equal(await result, "cancel");
  });

  it("should cancel when the window is closed", async () => {
    const { prompt } = setup();
    const result = prompt.ask(FAILURE);
    await flush();
    prompt.handleWindowRemoved(101);
    assert.equal(await result, "cancel");
  });

  it("should cancel when the window is closed before its id is known", async () => {
    let finishOpening;
    const { prompt } = setup({
      openWindow: () => new Promise((resolve) => (finishOpening = resolve)),
    });
    const result = prompt.ask(FAILURE);
    await flush();
    prompt.handleWindowRemoved(55);
    finishOpening(55);
    assert.equal(await result, "cancel");
  });

  it("should cancel when the window cannot open", async () => {
    const { prompt } = setup({
      openWindow: async () => {
        throw new Error("no windows in this test");
      },
    });
    assert.equal(await prompt.ask(FAILURE), "cancel");
  });

  it("should keep several failures apart", async () => {
    const { prompt } = setup();
    const first = prompt.ask(FAILURE);
    const second = prompt.ask(FAILURE);
    await flush();
    prompt.handleWindowRemoved(102);
    prompt.handleMessage(choice("t1", "send"));
    assert.equal(await first, "send");
    assert.equal(await second, "cancel");
    assert.equal(prompt.openCount, 0);
  });

  it("should ignore other messages and unknown tokens", async () => {
    const { prompt } = setup();
    const result = prompt.ask(FAILURE);
    await flush();
    assert.equal(prompt.handleMessage({ type: "other" }), false);
    assert.equal(prompt.handleMessage("text"), false);
    prompt.handleMessage(choice("forged", "send"));
    assert.equal(prompt.openCount, 1);
    prompt.handleMessage(choice("t1", "cancel"));
    assert.equal(await result, "cancel");
  });
});

describe("failure text", () => {
  const messages = JSON.parse(
    readFileSync(
      new URL("../../extension/_locales/en/messages.json", import.meta.url),
    ),
  );

  for (const kind of [...Object.values(FailureKind), "unheard-of"]) {
    for (const allow of [true, false]) {
      it(`should have English strings for ${kind}, send anyway ${allow}`, () => {
        for (const key of Object.values(failureTextKeys(kind, allow))) {
          assert.ok(messages[key]?.message, `messages.json lacks ${key}`);
        }
      });
    }
  }

  it("should say the message was not sent when the host is missing", () => {
    const key = failureTextKeys(FailureKind.HOST_MISSING, true).headline;
    assert.match(messages[key].message, /not installed.*was not sent/);
  });
});
