import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  FailureKind,
  HostClient,
  PING_INTERVAL_MS,
  PING_TIMEOUT_MS,
} from "../../extension/modules/hostclient.mjs";
import { FakeClock, fakeConnector, flush, verdict } from "./fakes.mjs";

const HOST = "org.example.test-host";

function setup() {
  const clock = new FakeClock();
  const { connect, ports } = fakeConnector();
  const logs = [];
  const client = new HostClient({
    connect,
    hostName: HOST,
    timers: clock,
    log: (level, text) => logs.push({ level, text }),
  });
  return { clock, ports, logs, client };
}

function request(id) {
  return { type: "review", id, protocol: 1, draft: {} };
}

// Resolves with {value} or {error}, so a test can look at either.
function outcome(promise) {
  return promise.then(
    (value) => ({ value }),
    (error) => ({ error }),
  );
}

describe("HostClient", () => {
  it("should connect lazily to the injected host name", () => {
    const { ports, client } = setup();
    assert.equal(ports.length, 0);
    client.review(request("r-1"));
    assert.equal(ports.length, 1);
    assert.equal(ports[0].name, HOST);
    assert.deepEqual(ports[0].sent, [request("r-1")]);
  });

  it("should start the host on warmUp and reuse that port for reviews", () => {
    const { ports, client } = setup();
    client.warmUp();
    assert.equal(ports.length, 1);
    client.review(request("r-1"));
    assert.equal(ports.length, 1);
    assert.deepEqual(ports[0].sent, [request("r-1")]);
  });

  it("should connect again on review when the warmed-up host went away", () => {
    const { ports, client } = setup();
    client.warmUp();
    ports[0].die("No such native application org.example.test-host");
    assert.equal(client.pendingCount, 0);
    client.review(request("r-1"));
    assert.equal(ports.length, 2);
    assert.deepEqual(ports[1].sent, [request("r-1")]);
  });

  it("should only log when warmUp cannot connect", () => {
    const logs = [];
    const client = new HostClient({
      connect: () => {
        throw new Error("connectNative failed");
      },
      hostName: HOST,
      timers: new FakeClock(),
      log: (level, text) => logs.push({ level, text }),
    });
    assert.doesNotThrow(() => client.warmUp());
    assert.ok(logs.some((entry) => entry.text.includes("connectNative failed")));
  });

  it("should resolve with the verdict for the same id", async () => {
    const { ports, client } = setup();
    const result = client.review(request("r-1"));
    ports[0].reply(verdict("r-1", "send"));
    assert.equal((await result).decision, "send");
    assert.equal(client.pendingCount, 0);
  });

  it("should ignore a reply for another id and accept the right one", async () => {
    const { ports, logs, client } = setup();
    const result = outcome(client.review(request("r-1")));
    ports[0].reply(verdict("r-99", "send"));
    await flush();
    assert.equal(client.pendingCount, 1);
    assert.ok(logs.some((l) => l.text.includes("r-99")));
    ports[0].reply(verdict("r-1", "cancel"));
    assert.equal((await result).value.decision, "cancel");
  });

  it("should match two concurrent reviews to their own ids", async () => {
    const { ports, client } = setup();
    const first = client.review(request("r-1"));
    const second = client.review(request("r-2"));
    assert.equal(ports.length, 1, "one port for both");
    ports[0].reply(verdict("r-2", "cancel"));
    ports[0].reply(verdict("r-1", "send"));
    assert.equal((await first).decision, "send");
    assert.equal((await second).decision, "cancel");
  });

  it("should fail as host-missing when the port disconnects with No such native application", async () => {
    const { ports, client } = setup();
    const result = outcome(client.review(request("r-1")));
    ports[0].die(`No such native application ${HOST}`);
    const { error } = await result;
    assert.equal(error.kind, FailureKind.HOST_MISSING);
    assert.match(error.message, /No such native application/);
  });

  it("should fail every pending request when the host dies mid-review", async () => {
    const { ports, client } = setup();
    const first = outcome(client.review(request("r-1")));
    const second = outcome(client.review(request("r-2")));
    ports[0].die(null);
    assert.equal((await first).error.kind, FailureKind.HOST_DIED);
    assert.equal((await second).error.kind, FailureKind.HOST_DIED);
    assert.equal(client.pendingCount, 0);
  });

  it("should create a new port for the next request after a disconnect", async () => {
    const { ports, client } = setup();
    const first = outcome(client.review(request("r-1")));
    ports[0].die("An unexpected error occurred");
    await first;
    const second = client.review(request("r-2"));
    assert.equal(ports.length, 2);
    assert.deepEqual(ports[1].sent, [request("r-2")]);
    ports[1].reply(verdict("r-2", "send"));
    assert.equal((await second).decision, "send");
  });

  it("should ignore events from a replaced port", async () => {
    const { ports, client } = setup();
    const first = outcome(client.review(request("r-1")));
    ports[0].die(null);
    await first;
    const second = outcome(client.review(request("r-2")));
    ports[0].reply(verdict("r-2", "send"));
    ports[0].onDisconnect.fire(ports[0]);
    await flush();
    assert.equal(client.pendingCount, 1);
    ports[1].reply(verdict("r-2", "send"));
    assert.equal((await second).value.decision, "send");
  });

  for (const [name, reply] of [
    ["a verdict without decision", { type: "verdict", id: "r-1" }],
    ["an unknown decision", verdict("r-1", "maybe")],
    ["a reply of the wrong type", { type: "pong", id: "r-1" }],
    [
      "edits that are not lists",
      verdict("r-1", "send", { edits: { to: "x" } }),
    ],
    ["edits that are not an object", verdict("r-1", "send", { edits: [] })],
  ]) {
    it(`should fail the request as bad-reply on ${name}`, async () => {
      const { ports, client } = setup();
      const result = outcome(client.review(request("r-1")));
      ports[0].reply(reply);
      assert.equal((await result).error.kind, FailureKind.BAD_REPLY);
    });
  }

  for (const [name, reply] of [
    ["a string", "not json"],
    ["null", null],
    ["an array", [verdict("r-1", "send")]],
    ["an object without id", { type: "verdict", decision: "send" }],
  ]) {
    it(`should fail pending requests on a reply that is ${name}`, async () => {
      const { ports, client } = setup();
      const result = outcome(client.review(request("r-1")));
      ports[0].reply(reply);
      assert.equal((await result).error.kind, FailureKind.BAD_REPLY);
    });
  }

  it("should fail the request on an error reply for its id", async () => {
    const { ports, client } = setup();
    const result = outcome(client.review(request("r-1")));
    ports[0].reply({
      type: "error",
      id: "r-1",
      code: "invalid-request",
      message: "draft.to is not a list",
    });
    const { error } = await result;
    assert.equal(error.kind, FailureKind.ERROR_REPLY);
    assert.equal(error.code, "invalid-request");
    assert.match(error.message, /invalid-request: draft.to is not a list/);
  });

  it("should keep an error reply without a code as unknown", async () => {
    const { ports, client } = setup();
    const result = outcome(client.review(request("r-1")));
    ports[0].reply({ type: "error", id: "r-1", code: 7, message: "odd" });
    const { error } = await result;
    assert.equal(error.kind, FailureKind.ERROR_REPLY);
    assert.equal(error.code, "");
    assert.equal(error.message, "unknown: odd");
  });

  it("should fail pending requests on an error reply with an empty id", async () => {
    const { ports, client } = setup();
    const result = outcome(client.review(request("r-1")));
    ports[0].reply({
      type: "error",
      id: "",
      code: "malformed-json",
      message: "x",
    });
    assert.equal((await result).error.kind, FailureKind.ERROR_REPLY);
  });

  it("should fail as host-missing when connecting throws", async () => {
    const client = new HostClient({
      connect: () => {
        throw new Error("nativeMessaging permission missing");
      },
      hostName: HOST,
      timers: new FakeClock(),
    });
    const { error } = await outcome(client.review(request("r-1")));
    assert.equal(error.kind, FailureKind.HOST_MISSING);
  });

  it("should ping while a review is pending and keep waiting when pongs come", async () => {
    const { clock, ports, client } = setup();
    const result = outcome(client.review(request("r-1")));
    for (let round = 1; round <= 3; round++) {
      clock.advance(PING_INTERVAL_MS);
      const ping = ports[0].lastOfType("ping");
      assert.equal(ping.id, `p-${round}`);
      clock.advance(PING_TIMEOUT_MS - 1);
      ports[0].reply({ type: "pong", id: ping.id, protocol: 1 });
    }
    assert.equal(client.pendingCount, 1);
    ports[0].reply(verdict("r-1", "send"));
    assert.equal((await result).value.decision, "send");
    assert.equal(clock.pendingTimers, 0, "no pings once nothing is pending");
  });

  it("should treat the host as hung when a ping goes unanswered", async () => {
    const { clock, ports, client } = setup();
    const result = outcome(client.review(request("r-1")));
    clock.advance(PING_INTERVAL_MS);
    assert.equal(ports[0].lastOfType("ping").id, "p-1");
    clock.advance(PING_TIMEOUT_MS);
    const { error } = await result;
    assert.equal(error.kind, FailureKind.HOST_HUNG);
    assert.equal(ports[0].disconnected, true);
    assert.equal(clock.pendingTimers, 0);
    // A late verdict from the hung host changes nothing; a new review reconnects.
    ports[0].reply(verdict("r-1", "send"));
    client.review(request("r-2"));
    assert.equal(ports.length, 2);
  });

  it("should not ping when no review is pending", () => {
    const { clock, ports, client } = setup();
    client.review(request("r-1"));
    ports[0].reply(verdict("r-1", "send"));
    clock.advance(PING_INTERVAL_MS * 4);
    assert.equal(ports[0].lastOfType("ping"), undefined);
  });

  it("should post a sent notice on the open port", () => {
    const { ports, client } = setup();
    client.review(request("r-1"));
    ports[0].reply(verdict("r-1", "send"));
    assert.equal(client.notifySent("r-1"), true);
    assert.deepEqual(ports[0].lastOfType("sent"), { type: "sent", id: "r-1" });
  });

  it("should drop a sent notice when the host is gone", async () => {
    const { ports, client } = setup();
    const result = outcome(client.review(request("r-1")));
    ports[0].die(null);
    await result;
    assert.equal(client.notifySent("r-1"), false);
    assert.equal(ports.length, 1, "no new host for a notice it cannot place");
  });

  it("should hand out distinct request ids", () => {
    const { client } = setup();
    assert.notEqual(client.newRequestId(), client.newRequestId());
  });
});

describe("HostClient.learn", () => {
  function learnRequest(id) {
    return { type: "learn", id, messages: [{ messageId: "<m@x>", to: ["a@x"] }] };
  }

  it("should resolve with the learned reply for the same id", async () => {
    const { ports, client } = setup();
    const result = client.learn(learnRequest("r-1"));
    assert.deepEqual(ports[0].sent, [learnRequest("r-1")]);
    ports[0].reply({ type: "learned", id: "r-1", learned: 1, skipped: 0 });
    assert.equal((await result).learned, 1);
  });

  it("should fail as bad-reply when a learn request gets a verdict", async () => {
    const { ports, client } = setup();
    const result = outcome(client.learn(learnRequest("r-1")));
    ports[0].reply(verdict("r-1", "send"));
    const { error } = await result;
    assert.equal(error.kind, FailureKind.BAD_REPLY);
    assert.match(error.message, /Expected a learned/);
  });

  it("should fail as bad-reply when a review gets a learned reply", async () => {
    const { ports, client } = setup();
    const result = outcome(client.review(request("r-1")));
    ports[0].reply({ type: "learned", id: "r-1", learned: 1, skipped: 0 });
    assert.equal((await result).error.kind, FailureKind.BAD_REPLY);
  });
});
