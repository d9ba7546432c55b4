import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  FailureKind,
  HostClient,
  PING_INTERVAL_MS,
  PING_TIMEOUT_MS,
} from "../../extension/modules/hostclient.mjs";
import {
  NO_MANAGED_STORAGE,
  readManagedPolicy,
} from "../../extension/modules/policy.mjs";
import { createSendFlow } from "../../extension/modules/sendflow.mjs";
import { FakeClock, fakeConnector, flush, verdict } from "./fakes.mjs";

const TAB = { id: 7, type: "messageCompose" };
const DETAILS = {
  from: "Taro Yamada <taro@corp.example>",
  to: ["Alice Example <alice@client.example>"],
  cc: [],
  bcc: [],
  replyTo: [],
  subject: "Quote for March",
  body: "<html><body>Hello</body></html>",
  plainTextBody: "Hello",
  type: "new",
};

// managed: what storage.managed.get() does (a value, or an Error to reject
// with). choice: what the person picks in the failure window.
function setup({
  managed = new Error(NO_MANAGED_STORAGE),
  attachments = [{ id: 1, name: "quote.pdf", size: 48213 }],
  choice = "cancel",
  readOriginal,
  expandLists,
} = {}) {
  const clock = new FakeClock();
  const { connect, ports } = fakeConnector();
  const client = new HostClient({ connect, hostName: "h", timers: clock });
  const failures = [];
  const flow = createSendFlow({
    client,
    readPolicy: () =>
      readManagedPolicy(async () => {
        if (managed instanceof Error) {
          throw managed;
        }
        return managed;
      }),
    listAttachments: async (tabId) => {
      assert.equal(tabId, TAB.id);
      if (attachments instanceof Error) {
        throw attachments;
      }
      return attachments;
    },
    askAfterFailure: async (failure) => {
      failures.push(failure);
      if (choice instanceof Error) {
        throw choice;
      }
      return choice;
    },
    readOriginal,
    expandLists,
  });
  // The request reaches the port only after the awaited reads.
  const sentReview = async () => {
    await flush(20);
    return ports.at(-1).lastOfType("review");
  };
  return { clock, ports, client, flow, failures, sentReview };
}

describe("onBeforeSend", () => {
  it("should send when the verdict is send", async () => {
    const { ports, flow, failures, sentReview } = setup();
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    assert.equal(request.type, "review");
    assert.equal(request.protocol, 1);
    assert.equal(request.draft.subject, "Quote for March");
    assert.deepEqual(request.draft.attachments, [
      { name: "quote.pdf", size: 48213 },
    ]);
    assert.equal("policy" in request, false, "no policy key when IT set none");
    ports[0].reply(verdict(request.id, "send"));
    assert.deepEqual(await result, { cancel: false });
    assert.equal(failures.length, 0);
  });

  it("should cancel when the verdict is cancel, with no failure window", async () => {
    const { ports, flow, failures, sentReview } = setup();
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    ports[0].reply(verdict(request.id, "cancel"));
    assert.deepEqual(await result, { cancel: true });
    assert.equal(failures.length, 0);
  });

  it("should return the verdict's edits as compose details", async () => {
    const { ports, flow, sentReview } = setup();
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    const edits = { to: [], bcc: ["Alice Example <alice@client.example>"] };
    ports[0].reply(verdict(request.id, "send", { edits }));
    assert.deepEqual(await result, { cancel: false, details: edits });
  });

  // A verdict may only move the recipients the person chose between To, Cc
  // and Bcc, or add the policy's autoBcc: a broken or hostile host must not
  // be able to add a recipient nobody chose.
  it("should refuse edits that add a recipient nobody chose", async () => {
    const { ports, flow, failures, sentReview } = setup({ choice: "send" });
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    const edits = {
      to: [],
      bcc: [
        "Alice Example <alice@client.example>",
        "Mallory <mallory@evil.example>",
      ],
    };
    ports[0].reply(verdict(request.id, "send", { edits }));
    const got = await result;
    assert.equal(got.cancel, false, "send anyway sends the draft as written");
    assert.equal("details" in got, false, "the edits are not applied");
    assert.equal(failures.length, 1);
    assert.equal(failures[0].kind, FailureKind.BAD_REPLY);
    assert.doesNotMatch(failures[0].detail, /mallory/i, "no address in it");
  });

  it("should refuse an autoBcc address the policy does not name", async () => {
    const { ports, flow, failures, sentReview } = setup({
      managed: { autoBcc: ["archive@corp.example"] },
    });
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    const edits = { to: ["Alice Example <alice@client.example>"], cc: [] };
    edits.bcc = ["archive@corp.example", "other@corp.example"];
    ports[0].reply(verdict(request.id, "send", { edits }));
    assert.deepEqual(await result, { cancel: true });
    assert.equal(failures[0].kind, FailureKind.BAD_REPLY);
  });

  it("should refuse the policy's autoBcc anywhere but in Bcc", async () => {
    const { ports, flow, failures, sentReview } = setup({
      managed: { autoBcc: ["archive@corp.example"] },
    });
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    const edits = {
      to: ["Alice Example <alice@client.example>", "archive@corp.example"],
    };
    ports[0].reply(verdict(request.id, "send", { edits }));
    assert.deepEqual(await result, { cancel: true });
    assert.equal(failures[0].kind, FailureKind.BAD_REPLY);
  });

  it("should apply edits that add the policy's autoBcc", async () => {
    const { ports, flow, failures, sentReview } = setup({
      managed: { autoBcc: ["archive@corp.example"] },
    });
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    const edits = {
      to: ["Alice Example <alice@client.example>"],
      cc: [],
      bcc: ["archive@corp.example"],
    };
    ports[0].reply(verdict(request.id, "send", { edits }));
    assert.deepEqual(await result, { cancel: false, details: edits });
    assert.equal(failures.length, 0);
  });

  it("should pass the managed policy along", async () => {
    const policy = { internalDomains: ["corp.example"] };
    const { ports, flow, sentReview } = setup({ managed: policy });
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    assert.deepEqual(request.policy, policy);
    ports[0].reply(verdict(request.id, "send"));
    assert.deepEqual(await result, { cancel: false });
  });

  // Each failure: how to cause it, and the kind the window is told about.
  const FAILURES = [
    [
      "host missing",
      FailureKind.HOST_MISSING,
      (p) => p.die("No such native application h"),
    ],
    ["host dies mid-review", FailureKind.HOST_DIED, (p) => p.die(null)],
    [
      "malformed reply",
      FailureKind.BAD_REPLY,
      (p, id) => p.reply({ type: "verdict", id }),
    ],
    ["non-object reply", FailureKind.BAD_REPLY, (p) => p.reply("garbage")],
    [
      "error reply",
      FailureKind.ERROR_REPLY,
      (p, id) =>
        p.reply({
          type: "error",
          id,
          code: "unavailable",
          message: "no display",
        }),
    ],
    [
      "hung host",
      FailureKind.HOST_HUNG,
      (p, id, clock) => clock.advance(PING_INTERVAL_MS + PING_TIMEOUT_MS),
    ],
  ];

  for (const [name, kind, cause] of FAILURES) {
    it(`should cancel after ${name} when the person keeps Cancel`, async () => {
      const { clock, ports, flow, failures, sentReview } = setup();
      const result = flow.onBeforeSend(TAB, DETAILS);
      const request = await sentReview();
      cause(ports[0], request.id, clock);
      assert.deepEqual(await result, { cancel: true });
      assert.equal(failures.length, 1);
      assert.equal(failures[0].kind, kind);
      assert.equal(failures[0].allowSendAnyway, true);
    });

    it(`should send after ${name} when the person picks Send anyway`, async () => {
      const { clock, ports, flow, sentReview } = setup({ choice: "send" });
      const result = flow.onBeforeSend(TAB, DETAILS);
      const request = await sentReview();
      cause(ports[0], request.id, clock);
      assert.deepEqual(await result, { cancel: false });
    });
  }

  it("should ignore a reply for another review and take the right one", async () => {
    const { ports, flow, failures, sentReview } = setup();
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    ports[0].reply(verdict(`${request.id}-other`, "send"));
    ports[0].reply(verdict(request.id, "cancel"));
    assert.deepEqual(await result, { cancel: true });
    assert.equal(failures.length, 0);
  });

  it("should match two concurrent sends to their own verdicts", async () => {
    const { ports, flow, sentReview } = setup();
    const first = flow.onBeforeSend({ id: TAB.id }, DETAILS);
    const firstRequest = await sentReview();
    const second = flow.onBeforeSend(
      { id: TAB.id },
      { ...DETAILS, subject: "2" },
    );
    const secondRequest = await sentReview();
    assert.notEqual(firstRequest.id, secondRequest.id);
    ports[0].reply(verdict(secondRequest.id, "send"));
    ports[0].reply(verdict(firstRequest.id, "cancel"));
    assert.deepEqual(await first, { cancel: true });
    assert.deepEqual(await second, { cancel: false });
  });

  it("should take the failure path when listAttachments throws", async () => {
    const { ports, flow, failures } = setup({
      attachments: new Error("Invalid tab ID: 7"),
      choice: "send",
    });
    assert.deepEqual(await flow.onBeforeSend(TAB, DETAILS), { cancel: false });
    assert.equal(failures[0].kind, FailureKind.INTERNAL);
    assert.match(failures[0].detail, /Invalid tab ID/);
    assert.equal(ports.length, 0, "nothing was sent to the host");
  });

  it("should take the failure path without Send anyway when the policy cannot be read", async () => {
    const { flow, failures } = setup({
      managed: new Error("storage is broken"),
      choice: "send",
    });
    assert.deepEqual(await flow.onBeforeSend(TAB, DETAILS), { cancel: true });
    assert.equal(failures[0].allowSendAnyway, false);
  });

  it("should treat a missing managed storage manifest as no policy", async () => {
    const { ports, flow, sentReview } = setup({
      managed: new Error(NO_MANAGED_STORAGE),
    });
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    assert.equal(request.policy, undefined);
    ports[0].reply(verdict(request.id, "send"));
    assert.deepEqual(await result, { cancel: false });
  });

  it("should not offer Send anyway when the policy says block", async () => {
    const { ports, flow, failures, sentReview } = setup({
      managed: { onHostFailure: "block" },
      choice: "send",
    });
    const result = flow.onBeforeSend(TAB, DETAILS);
    await sentReview();
    ports[0].die("No such native application h");
    assert.deepEqual(await result, { cancel: true });
    assert.equal(failures[0].allowSendAnyway, false);
  });

  it("should cancel when the failure window is closed", async () => {
    const { ports, flow, sentReview } = setup({ choice: "closed" });
    const result = flow.onBeforeSend(TAB, DETAILS);
    await sentReview();
    ports[0].die(null);
    assert.deepEqual(await result, { cancel: true });
  });

  it("should cancel, not reject, when the failure window itself fails", async () => {
    const { ports, flow, sentReview } = setup({
      choice: new Error("windows.create failed"),
    });
    const result = flow.onBeforeSend(TAB, DETAILS);
    await sentReview();
    ports[0].die(null);
    assert.deepEqual(await result, { cancel: true });
  });

  it("should take the failure path on recipients it cannot read", async () => {
    const { flow, failures } = setup();
    const details = { ...DETAILS, to: [{ id: "c1", type: "contact" }] };
    assert.deepEqual(await flow.onBeforeSend(TAB, details), { cancel: true });
    assert.equal(failures[0].kind, FailureKind.INTERNAL);
  });

  it("should cancel, not reject, on nonsense arguments", async () => {
    const { flow } = setup();
    assert.deepEqual(await flow.onBeforeSend(undefined, null), {
      cancel: true,
    });
  });
});

describe("onAfterSend", () => {
  async function sendAndAccept(fixture) {
    const result = fixture.flow.onBeforeSend(TAB, DETAILS);
    const request = await fixture.sentReview();
    fixture.ports[0].reply(verdict(request.id, "send"));
    await result;
    return request.id;
  }

  for (const mode of ["sendNow", "sendLater"]) {
    it(`should post a sent notice after a real ${mode}`, async () => {
      const fixture = setup();
      const id = await sendAndAccept(fixture);
      fixture.flow.onAfterSend(TAB, { mode, headerMessageId: "x@y" });
      assert.deepEqual(fixture.ports[0].lastOfType("sent"), {
        type: "sent",
        id,
        messageId: "<x@y>",
      });
    });
  }

  it("should post a sent notice without messageId when Thunderbird gives none", async () => {
    const fixture = setup();
    const id = await sendAndAccept(fixture);
    fixture.flow.onAfterSend(TAB, { mode: "sendLater" });
    assert.deepEqual(fixture.ports[0].lastOfType("sent"), { type: "sent", id });
  });

  for (const [name, sendInfo] of [
    [
      "a send aborted by another listener",
      {
        mode: "sendNow",
        messages: [],
        error: "Send aborted by an onBeforeSend event",
      },
    ],
    ["a send that failed", { mode: "sendNow", error: "SMTP server said no" }],
    ["an unknown mode", { mode: "draft" }],
    ["missing send info", undefined],
  ]) {
    it(`should post nothing after ${name}`, async () => {
      const fixture = setup();
      await sendAndAccept(fixture);
      fixture.flow.onAfterSend(TAB, sendInfo);
      assert.equal(fixture.ports[0].lastOfType("sent"), undefined);
    });
  }

  it("should post nothing for a cancelled review", async () => {
    const fixture = setup();
    const result = fixture.flow.onBeforeSend(TAB, DETAILS);
    const request = await fixture.sentReview();
    fixture.ports[0].reply(verdict(request.id, "cancel"));
    await result;
    fixture.flow.onAfterSend(TAB, { mode: "sendNow" });
    assert.equal(fixture.ports[0].lastOfType("sent"), undefined);
  });

  it("should post nothing after Send anyway, which the host never reviewed", async () => {
    const fixture = setup({ choice: "send" });
    const result = fixture.flow.onBeforeSend(TAB, DETAILS);
    await fixture.sentReview();
    fixture.ports[0].die(null);
    await result;
    fixture.flow.onAfterSend(TAB, { mode: "sendNow" });
    assert.equal(fixture.ports.length, 1);
    assert.equal(fixture.ports[0].lastOfType("sent"), undefined);
  });

  it("should post the notice only once per review", async () => {
    const fixture = setup();
    await sendAndAccept(fixture);
    fixture.flow.onAfterSend(TAB, { mode: "sendNow" });
    fixture.flow.onAfterSend(TAB, { mode: "sendNow" });
    const notices = fixture.ports[0].sent.filter((m) => m.type === "sent");
    assert.equal(notices.length, 1);
  });
});

describe("mailing lists and the original message", () => {
  const REPLY = {
    ...DETAILS,
    type: "reply",
    relatedMessageId: 42,
    to: ["sales team <sales team>"],
    cc: ["board <board>"],
  };
  const ORIGINAL = {
    from: "Alice Example <alice@client.example>",
    to: ["Taro Yamada <taro@corp.example>"],
    cc: [],
  };
  const EXPANDED = {
    to: ["alice@client.example", "bob@partner.example"],
    cc: [],
    bcc: [],
    unexpandedLists: ["board <board>"],
  };

  it("should send the expanded lists and the original to the host", async () => {
    const { ports, flow, sentReview } = setup({
      readOriginal: async (details) => {
        assert.equal(details.relatedMessageId, 42);
        return ORIGINAL;
      },
      expandLists: async () => EXPANDED,
    });
    const result = flow.onBeforeSend(TAB, REPLY);
    const request = await sentReview();
    assert.deepEqual(request.draft.to, EXPANDED.to);
    assert.deepEqual(request.draft.cc, []);
    assert.deepEqual(request.draft.unexpandedLists, ["board <board>"]);
    assert.deepEqual(request.draft.original, ORIGINAL);
    ports[0].reply(verdict(request.id, "send"));
    assert.deepEqual(await result, { cancel: false });
  });

  it("should start every read before waiting on any", async () => {
    const started = [];
    const never = new Promise(() => {});
    const { flow } = setup({
      managed: { internalDomains: ["corp.example"] },
      readOriginal: () => {
        started.push("original");
        return never;
      },
      expandLists: () => {
        started.push("lists");
        return never;
      },
    });
    flow.onBeforeSend(TAB, REPLY);
    await flush(20);
    assert.deepEqual(started.sort(), ["lists", "original"]);
  });

  it("should send without the original when it cannot be read", async () => {
    const { ports, flow, failures, sentReview } = setup({
      readOriginal: async () => {
        throw new Error("Message not found: 42.");
      },
    });
    const result = flow.onBeforeSend(TAB, {
      ...DETAILS,
      type: "reply",
      relatedMessageId: 42,
    });
    const request = await sentReview();
    assert.equal("original" in request.draft, false);
    ports[0].reply(verdict(request.id, "send"));
    assert.deepEqual(await result, { cancel: false });
    assert.equal(failures.length, 0);
  });

  it("should keep unexpanded lists in a field the verdict edits", async () => {
    const { ports, flow, sentReview } = setup({
      expandLists: async () => EXPANDED,
    });
    const result = flow.onBeforeSend(TAB, REPLY);
    const request = await sentReview();
    const edits = { to: [], cc: [], bcc: EXPANDED.to };
    ports[0].reply(verdict(request.id, "send", { edits }));
    assert.deepEqual(await result, {
      cancel: false,
      details: { to: [], cc: ["board <board>"], bcc: EXPANDED.to },
    });
  });

  it("should log the verdict's rule ids once each, and no addresses", async () => {
    const logged = [];
    const clock = new FakeClock();
    const { connect, ports } = fakeConnector();
    const client = new HostClient({ connect, hostName: "h", timers: clock });
    const flow = createSendFlow({
      client,
      readPolicy: async () => undefined,
      listAttachments: async () => [],
      askAfterFailure: async () => "cancel",
      log: (level, text) => logged.push(text),
    });
    const result = flow.onBeforeSend(TAB, DETAILS);
    await flush(20);
    const request = ports[0].lastOfType("review");
    const target = { kind: "recipient", index: 0, text: "carol@third.example" };
    const findings = [
      { rule: "external-recipient", severity: "confirm", target, message: "" },
      { rule: "new-domain-in-reply", severity: "warn", target, message: "" },
      { rule: "external-recipient", severity: "confirm", target, message: "" },
    ];
    ports[0].reply(verdict(request.id, "send", { findings }));
    await result;
    const line = logged.find((text) => text.startsWith(`review ${request.id}`));
    assert.equal(
      line,
      `review ${request.id}: send (rules: external-recipient, new-domain-in-reply)`,
    );
  });

  it("should send an empty unexpandedLists without a list expander", async () => {
    const { ports, flow, sentReview } = setup();
    const result = flow.onBeforeSend(TAB, DETAILS);
    const request = await sentReview();
    assert.deepEqual(request.draft.unexpandedLists, []);
    assert.deepEqual(request.draft.to, DETAILS.to);
    ports[0].reply(verdict(request.id, "send"));
    await result;
  });
});
