import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  FailureKind,
  HostClient,
  PING_INTERVAL_MS,
  PING_TIMEOUT_MS,
} from "../../extension/modules/hostclient.mjs";
import {
  createSettingsOpener,
  SETTINGS_REQUEST_MESSAGE,
  SettingsOutcome,
  settingsResultTextKey,
} from "../../extension/modules/settingsopener.mjs";
import { FakeClock, fakeConnector, flush } from "./fakes.mjs";

const HOST = "org.example.test-host";

// The real HostClient over a fake port, as background.mjs wires it.
function setup({ policy = undefined, readPolicy = null } = {}) {
  const clock = new FakeClock();
  const { connect, ports } = fakeConnector();
  const logs = [];
  const log = (level, text) => logs.push({ level, text });
  const client = new HostClient({
    connect,
    hostName: HOST,
    timers: clock,
    log,
  });
  const opener = createSettingsOpener({
    client,
    readPolicy: readPolicy ?? (async () => policy),
    log,
  });
  return { clock, ports, logs, client, opener };
}

describe("settings opener", () => {
  it("should send openSettings with the managed policy and report a save", async () => {
    const policy = {
      trustedDomains: ["a.example"],
      locked: ["trustedDomains"],
    };
    const { ports, opener } = setup({ policy });
    const result = opener.handleMessage({ type: SETTINGS_REQUEST_MESSAGE });
    await flush();
    const sent = ports[0].lastOfType("openSettings");
    assert.deepEqual(sent, { type: "openSettings", id: sent.id, policy });
    ports[0].reply({ type: "settingsClosed", id: sent.id, saved: true });
    assert.deepEqual(await result, { outcome: SettingsOutcome.SAVED });
  });

  it("should leave out the policy when IT set none and report closing unsaved", async () => {
    const { ports, opener } = setup();
    const result = opener.openSettings();
    await flush();
    const sent = ports[0].lastOfType("openSettings");
    assert.equal("policy" in sent, false);
    ports[0].reply({ type: "settingsClosed", id: sent.id, saved: false });
    assert.deepEqual(await result, { outcome: SettingsOutcome.CLOSED });
  });

  it("should open the settings even when managed storage cannot be read", async () => {
    const { ports, logs, opener } = setup({
      readPolicy: async () => {
        throw new Error("storage broke");
      },
    });
    const result = opener.openSettings();
    await flush();
    const sent = ports[0].lastOfType("openSettings");
    assert.equal("policy" in sent, false);
    assert.ok(logs.some((entry) => entry.text.includes("storage broke")));
    ports[0].reply({ type: "settingsClosed", id: sent.id, saved: false });
    assert.equal((await result).outcome, SettingsOutcome.CLOSED);
  });

  it("should answer host missing at once, never hang", async () => {
    const { ports, clock, opener } = setup();
    const result = opener.openSettings();
    await flush();
    ports[0].die("No such native application org.example.test-host");
    const answer = await result;
    assert.equal(answer.outcome, SettingsOutcome.FAILED);
    assert.equal(answer.kind, FailureKind.HOST_MISSING);
    assert.equal(settingsResultTextKey(answer), "settingsFailedHostMissing");
    assert.equal(clock.pendingTimers, 0, "no timer left running");
  });

  it("should answer a connect that throws as host missing", async () => {
    const clock = new FakeClock();
    const client = new HostClient({
      connect: () => {
        throw new Error("connectNative failed");
      },
      hostName: HOST,
      timers: clock,
    });
    const opener = createSettingsOpener({ client, readPolicy: async () => {} });
    const answer = await opener.openSettings();
    assert.equal(answer.kind, FailureKind.HOST_MISSING);
  });

  it("should report the host's error reply, such as no display", async () => {
    const { ports, opener } = setup();
    const result = opener.openSettings();
    await flush();
    const sent = ports[0].lastOfType("openSettings");
    ports[0].reply({
      type: "error",
      id: sent.id,
      code: "unavailable",
      message: "no display to show the settings dialog",
    });
    const answer = await result;
    assert.equal(answer.kind, FailureKind.ERROR_REPLY);
    assert.match(answer.detail, /no display/);
    assert.equal(settingsResultTextKey(answer), "settingsFailedErrorReply");
  });

  it("should keep waiting while the host answers pings, then fail a hung host", async () => {
    const { ports, clock, opener } = setup();
    let settled = false;
    const result = opener.openSettings().then((answer) => {
      settled = true;
      return answer;
    });
    await flush();
    // The person takes their time; the host stays alive.
    for (let i = 0; i < 5; i++) {
      clock.advance(PING_INTERVAL_MS);
      const ping = ports[0].lastOfType("ping");
      ports[0].reply({ type: "pong", id: ping.id, protocol: 1, version: "1" });
      await flush();
    }
    assert.equal(settled, false);
    clock.advance(PING_INTERVAL_MS + PING_TIMEOUT_MS);
    const answer = await result;
    assert.equal(answer.kind, FailureKind.HOST_HUNG);
  });

  it("should not open a second window while one is open", async () => {
    const { ports, opener } = setup();
    const first = opener.openSettings();
    await flush();
    assert.deepEqual(await opener.openSettings(), {
      outcome: SettingsOutcome.ALREADY_OPEN,
    });
    assert.equal(
      ports[0].sent.filter((m) => m.type === "openSettings").length,
      1,
    );
    const sent = ports[0].lastOfType("openSettings");
    ports[0].reply({ type: "settingsClosed", id: sent.id, saved: true });
    await first;
    const again = opener.openSettings();
    await flush();
    assert.equal(
      ports[0].sent.filter((m) => m.type === "openSettings").length,
      2,
    );
    ports[0].reply({
      type: "settingsClosed",
      id: ports[0].lastOfType("openSettings").id,
      saved: false,
    });
    assert.equal((await again).outcome, SettingsOutcome.CLOSED);
  });

  it("should reject a settingsClosed reply without saved as a bad reply", async () => {
    const { ports, opener } = setup();
    const result = opener.openSettings();
    await flush();
    const sent = ports[0].lastOfType("openSettings");
    ports[0].reply({ type: "settingsClosed", id: sent.id });
    assert.equal((await result).kind, FailureKind.BAD_REPLY);
  });

  it("should ignore other runtime messages", () => {
    const { opener } = setup();
    assert.equal(opener.handleMessage({ type: "sendguard-learn" }), undefined);
    assert.equal(opener.handleMessage(undefined), undefined);
  });

  it("should pick a text for every result, a missing one included", () => {
    assert.equal(
      settingsResultTextKey({ outcome: SettingsOutcome.SAVED }),
      "settingsSaved",
    );
    assert.equal(
      settingsResultTextKey({ outcome: SettingsOutcome.CLOSED }),
      "settingsClosedUnsaved",
    );
    assert.equal(
      settingsResultTextKey({
        outcome: SettingsOutcome.FAILED,
        kind: FailureKind.HOST_DIED,
      }),
      "settingsFailed",
    );
    assert.equal(settingsResultTextKey(undefined), "settingsFailed");
  });
});
