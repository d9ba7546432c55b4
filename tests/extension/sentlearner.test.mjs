import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  FailureKind,
  HostClient,
} from "../../extension/modules/hostclient.mjs";
import {
  createLearnController,
  isSentFolder,
  learnedMessageOf,
  learnFromSentFolders,
  LearnPhase,
  LEARN_REQUEST_MESSAGE,
  READ_FAILED,
} from "../../extension/modules/sentlearner.mjs";
import { learnView } from "../../extension/modules/learntext.mjs";
import { FakeClock, fakeConnector, flush } from "./fakes.mjs";

function header(n, extra = {}) {
  return {
    id: n,
    headerMessageId: `m${n}@corp.example`,
    author: "Taro Yamada <taro@corp.example>",
    recipients: [`Person ${n} <p${n}@partner.example>`],
    ccList: [],
    bccList: [],
    date: new Date(Date.UTC(2026, 0, 1) + n * 60000),
    subject: `secret subject ${n}`,
    size: 1234,
    ...extra,
  };
}

// A folder of `count` messages, listed in pages of `pageSize` like
// messages.list / continueList.
function fakeFolders(folders, pageSize = 3) {
  const lists = new Map();
  let nextList = 1;
  const calls = [];
  function page(messages, offset) {
    const rest = messages.slice(offset + pageSize);
    let id = null;
    if (rest.length > 0) {
      id = `list-${nextList++}`;
      lists.set(id, { messages, offset: offset + pageSize });
    }
    return { id, messages: messages.slice(offset, offset + pageSize) };
  }
  return {
    calls,
    reads: {
      sentFolders: async () => folders.map((f) => f.folder),
      messageCount: async (folder) =>
        folders.find((f) => f.folder.id === folder.id).messages.length,
      firstPage: async (folder) => {
        calls.push(["list", folder.id]);
        return page(folders.find((f) => f.folder.id === folder.id).messages, 0);
      },
      nextPage: async (listId) => {
        calls.push(["continue", listId]);
        const list = lists.get(listId);
        lists.delete(listId);
        return page(list.messages, list.offset);
      },
    },
  };
}

function sentFolder(id) {
  return { id, name: "Sent", specialUse: ["sent"] };
}

function range(from, to) {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

// The real HostClient on a fake port whose host answers each learn request.
function clientAnswering(answer) {
  const { connect, ports } = fakeConnector();
  const client = new HostClient({
    connect,
    hostName: "org.example.test-host",
    timers: new FakeClock(),
  });
  const learn = client.learn.bind(client);
  client.learn = (request) => {
    const pending = learn(request);
    const port = ports.at(-1);
    queueMicrotask(() => port.reply(answer(request, port)));
    return pending;
  };
  return { client, ports };
}

const learnedAll = (request) => ({
  type: "learned",
  id: request.id,
  learned: request.messages.length,
  skipped: 0,
});

describe("learnedMessageOf", () => {
  it("should keep sender, recipients, Message-ID and date, and never the subject", () => {
    const entry = learnedMessageOf(
      header(1, {
        ccList: ["Cc <cc@partner.example>"],
        bccList: ["bcc@corp.example"],
      }),
    );
    assert.deepEqual(entry, {
      messageId: "<m1@corp.example>",
      from: "Taro Yamada <taro@corp.example>",
      to: ["Person 1 <p1@partner.example>"],
      cc: ["Cc <cc@partner.example>"],
      bcc: ["bcc@corp.example"],
      date: Date.UTC(2026, 0, 1) + 60000,
    });
    assert.ok(!JSON.stringify(entry).includes("secret"));
  });

  it("should leave out a date Thunderbird could not read", () => {
    const entry = learnedMessageOf(header(1, { date: new Date(NaN) }));
    assert.equal("date" in entry, false);
  });

  it("should give an empty Message-ID when the header has none", () => {
    assert.equal(
      learnedMessageOf(header(1, { headerMessageId: "" })).messageId,
      "",
    );
  });
});

describe("isSentFolder", () => {
  for (const [name, folder, expected] of [
    ["a Sent folder", { specialUse: ["sent"] }, true],
    ["a folder that is Sent and Archives", { specialUse: ["archives", "sent"] }, true],
    ["the deprecated type field", { type: "sent" }, true],
    ["the unified Sent folder", { specialUse: ["sent"], isUnified: true }, false],
    ["a saved search", { specialUse: ["sent"], isVirtual: true }, false],
    ["an Inbox", { specialUse: ["inbox"] }, false],
  ]) {
    it(`should say ${expected} for ${name}`, () => {
      assert.equal(isSentFolder(folder), expected);
    });
  }
});

describe("learnFromSentFolders", () => {
  it("should page through every Sent folder and send batches of the batch size", async () => {
    const { reads, calls } = fakeFolders([
      { folder: sentFolder("a"), messages: range(0, 7).map((n) => header(n)) },
      { folder: sentFolder("b"), messages: range(7, 9).map((n) => header(n)) },
    ]);
    const { client, ports } = clientAnswering(learnedAll);
    const progress = [];
    const status = await learnFromSentFolders({
      reads,
      client,
      batchSize: 4,
      onProgress: (s) => progress.push(s),
    });
    assert.equal(status.phase, LearnPhase.DONE);
    assert.equal(status.read, 9);
    assert.equal(status.learned, 9);
    const batches = ports[0].sent.filter((m) => m.type === "learn");
    assert.deepEqual(
      batches.map((b) => b.messages.length),
      [4, 4, 1],
    );
    assert.deepEqual(
      batches.flatMap((b) => b.messages.map((m) => m.messageId)),
      range(0, 9).map((n) => `<m${n}@corp.example>`),
    );
    assert.ok(calls.some(([call]) => call === "continue"));
    assert.deepEqual(progress[0], {
      phase: LearnPhase.RUNNING,
      folders: 2,
      read: 0,
      total: 9,
      learned: 0,
      skipped: 0,
    });
    // Once before reading, after each page of 3 (folder a: 3, 6, 7; b: 9),
    // and when done.
    assert.deepEqual(
      progress.map((p) => p.read),
      [0, 3, 6, 7, 9, 9],
    );
  });

  it("should count what the host knew before as skipped", async () => {
    const { reads } = fakeFolders([
      { folder: sentFolder("a"), messages: range(0, 3).map((n) => header(n)) },
    ]);
    const { client } = clientAnswering((request) => ({
      type: "learned",
      id: request.id,
      learned: 1,
      skipped: 2,
    }));
    const status = await learnFromSentFolders({ reads, client });
    assert.equal(status.learned, 1);
    assert.equal(status.skipped, 2);
  });

  it("should skip the unified Sent folder and messages without recipients", async () => {
    const { reads } = fakeFolders([
      { folder: sentFolder("a"), messages: [header(1), header(2, { recipients: [] })] },
      {
        folder: { id: "u", specialUse: ["sent"], isUnified: true },
        messages: [header(3)],
      },
    ]);
    const { client, ports } = clientAnswering(learnedAll);
    const status = await learnFromSentFolders({ reads, client });
    assert.equal(status.folders, 1);
    assert.equal(status.read, 2);
    const sent = ports[0].sent.flatMap((b) => b.messages);
    assert.deepEqual(
      sent.map((m) => m.messageId),
      ["<m1@corp.example>"],
    );
  });

  it("should finish with nothing sent when there are no Sent folders", async () => {
    const { reads } = fakeFolders([]);
    const { client, ports } = clientAnswering(learnedAll);
    const status = await learnFromSentFolders({ reads, client });
    assert.equal(status.phase, LearnPhase.DONE);
    assert.equal(status.read, 0);
    assert.equal(ports.length, 0, "no host started for nothing");
  });

  it("should fail as host-missing when the host cannot be started", async () => {
    const { reads } = fakeFolders([
      { folder: sentFolder("a"), messages: [header(1)] },
    ]);
    const { client } = clientAnswering((request, port) => {
      port.die("No such native application org.example.test-host");
      return learnedAll(request);
    });
    const status = await learnFromSentFolders({ reads, client });
    assert.equal(status.phase, LearnPhase.FAILED);
    assert.equal(status.failure.kind, FailureKind.HOST_MISSING);
  });

  it("should stop at an error reply and name it", async () => {
    const { reads } = fakeFolders([
      { folder: sentFolder("a"), messages: range(0, 5).map((n) => header(n)) },
    ]);
    const { client, ports } = clientAnswering((request) => ({
      type: "error",
      id: request.id,
      code: "unavailable",
      message: "the history is unavailable",
    }));
    const status = await learnFromSentFolders({ reads, client, batchSize: 2 });
    assert.equal(status.phase, LearnPhase.FAILED);
    assert.equal(status.failure.kind, FailureKind.ERROR_REPLY);
    assert.equal(status.failure.code, "unavailable");
    assert.match(status.failure.detail, /the history is unavailable/);
    assert.equal(ports[0].sent.length, 1, "no batch after the failed one");
    const view = learnView(status);
    assert.equal(view.headline, "learnFailedErrorReply");
    assert.equal(view.explanation, "failureCode_unavailable");
    assert.equal(view.detail, "unavailable: the history is unavailable");
  });

  it("should report a folder Thunderbird cannot read as read-failed", async () => {
    const { reads } = fakeFolders([
      { folder: sentFolder("a"), messages: [header(1)] },
    ]);
    reads.firstPage = async () => {
      throw new Error("Folder not found: a");
    };
    const { client } = clientAnswering(learnedAll);
    const status = await learnFromSentFolders({ reads, client });
    assert.equal(status.failure.kind, READ_FAILED);
    assert.match(status.failure.detail, /reading a Sent folder: Folder not found/);
  });

  it("should fail as bad-reply on a learned reply without counts", async () => {
    const { reads } = fakeFolders([
      { folder: sentFolder("a"), messages: [header(1)] },
    ]);
    const { client } = clientAnswering((request) => ({
      type: "learned",
      id: request.id,
    }));
    const status = await learnFromSentFolders({ reads, client });
    assert.equal(status.failure.kind, FailureKind.BAD_REPLY);
  });
});

function controllerWith({ folders = [], stored, answer = learnedAll } = {}) {
  const { reads } = fakeFolders(folders);
  const { client, ports } = clientAnswering(answer);
  const storage = {
    value: stored,
    async get() {
      return this.value;
    },
    async set(state) {
      this.value = structuredClone(state);
    },
  };
  const opened = [];
  const broadcasts = [];
  const sleeps = [];
  const controller = createLearnController({
    reads,
    client,
    storage,
    openWindow: async () => opened.push("learn"),
    broadcast: (status) => broadcasts.push(status),
    now: () => 1700000000000,
    sleep: async (ms) => sleeps.push(ms),
  });
  return { controller, storage, opened, broadcasts, ports, reads, sleeps };
}

describe("createLearnController", () => {
  const withMail = [
    { folder: sentFolder("a"), messages: range(0, 3).map((n) => header(n)) },
  ];

  it("should offer on first run when a Sent folder has messages, and only once", async () => {
    const { controller, storage, opened } = controllerWith({ folders: withMail });
    assert.equal(await controller.offerOnFirstRun(), true);
    assert.deepEqual(opened, ["learn"]);
    assert.equal(storage.value.offered, true);
    assert.equal(await controller.offerOnFirstRun(), false);
    assert.deepEqual(opened, ["learn"]);
  });

  it("should not offer, and not remember an offer, when the Sent folders are empty", async () => {
    const { controller, storage, opened } = controllerWith({
      folders: [{ folder: sentFolder("a"), messages: [] }],
    });
    assert.equal(await controller.offerOnFirstRun(), false);
    assert.deepEqual(opened, []);
    assert.equal(storage.value, undefined);
  });

  it("should look again while Thunderbird has not found the Sent folders yet", async () => {
    const { controller, opened, reads, sleeps } = controllerWith({
      folders: withMail,
    });
    const found = reads.sentFolders;
    let calls = 0;
    reads.sentFolders = async () => (++calls < 3 ? [] : found());
    assert.equal(await controller.offerOnFirstRun({ retryMs: 500 }), true);
    assert.deepEqual(sleeps, [500, 500]);
    assert.deepEqual(opened, ["learn"]);
  });

  it("should give up after the last attempt when there is no Sent folder", async () => {
    const { controller, opened, storage, sleeps } = controllerWith();
    assert.equal(await controller.offerOnFirstRun({ attempts: 3 }), false);
    assert.equal(sleeps.length, 2);
    assert.deepEqual(opened, []);
    assert.equal(storage.value, undefined, "offered again on a later start");
  });

  it("should count a folder Thunderbird cannot count as empty", async () => {
    const { controller, opened, reads } = controllerWith({ folders: withMail });
    reads.messageCount = async () => {
      throw new Error("An unexpected error occurred");
    };
    assert.equal(await controller.offerOnFirstRun(), false);
    assert.deepEqual(opened, []);
  });

  it("should remember a finished run and broadcast each step", async () => {
    const { controller, storage, broadcasts } = controllerWith({
      folders: withMail,
    });
    const final = await controller.start();
    assert.equal(final.phase, LearnPhase.DONE);
    assert.deepEqual(storage.value, {
      offered: true,
      doneAt: 1700000000000,
      messages: 3,
    });
    assert.equal(broadcasts[0].phase, LearnPhase.RUNNING);
    assert.equal(broadcasts.at(-1).phase, LearnPhase.DONE);
    const seqs = broadcasts.map((b) => b.seq);
    assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), "in order");
    assert.equal(new Set(seqs).size, seqs.length, "each state numbered once");
    assert.equal(controller.status.phase, LearnPhase.DONE);
  });

  it("should not remember a failed run as done", async () => {
    const { controller, storage } = controllerWith({
      folders: withMail,
      answer: (request) => ({
        type: "error",
        id: request.id,
        code: "unavailable",
        message: "x",
      }),
    });
    const final = await controller.start();
    assert.equal(final.phase, LearnPhase.FAILED);
    assert.equal(storage.value, undefined);
  });

  it("should run once when started twice, and again when re-run later", async () => {
    const { controller, ports } = controllerWith({ folders: withMail });
    const first = controller.start();
    assert.equal(controller.start(), first);
    await first;
    await controller.start();
    const batches = ports[0].sent.filter((m) => m.type === "learn");
    assert.equal(batches.length, 2, "one batch per run");
  });

  it("should answer the window's messages and ignore others", async () => {
    const { controller, opened } = controllerWith({ folders: withMail });
    assert.equal(controller.handleMessage({ type: "other" }), undefined);
    const status = await controller.handleMessage({
      type: LEARN_REQUEST_MESSAGE,
      action: "status",
    });
    assert.equal(status.phase, LearnPhase.IDLE);
    await controller.handleMessage({ type: LEARN_REQUEST_MESSAGE, action: "open" });
    assert.deepEqual(opened, ["learn"]);
    const started = await controller.handleMessage({
      type: LEARN_REQUEST_MESSAGE,
      action: "start",
    });
    assert.equal(started.phase, LearnPhase.RUNNING);
    await flush(50);
  });
});

describe("learnView", () => {
  it("should offer Learn now and Not now before a run", () => {
    const view = learnView({ phase: LearnPhase.IDLE });
    assert.equal(view.headline, "learnOffer");
    assert.deepEqual(view.buttons, ["learn", "notNow"]);
  });

  it("should show N of M while running", () => {
    const view = learnView({ phase: LearnPhase.RUNNING, read: 40, total: 120 });
    assert.deepEqual(view.progress, {
      key: "learnProgress",
      substitutions: ["40", "120"],
    });
    assert.equal(view.showProgress, true);
  });

  it("should say plainly that the host is missing, with the detail and a retry", () => {
    const view = learnView({
      phase: LearnPhase.FAILED,
      failure: { kind: FailureKind.HOST_MISSING, detail: "No such native application" },
    });
    assert.equal(view.headline, "learnFailedHostMissing");
    assert.equal(view.detail, "No such native application");
    assert.equal(view.explanation, "", "no host, no error code to explain");
    assert.deepEqual(view.buttons, ["retry", "close"]);
  });

  it("should leave an error code it does not know to the headline", () => {
    const view = learnView({
      phase: LearnPhase.FAILED,
      failure: {
        kind: FailureKind.ERROR_REPLY,
        code: "no-such-code",
        detail: "no-such-code: something new",
      },
    });
    assert.equal(view.headline, "learnFailedErrorReply");
    assert.equal(view.explanation, "");
    assert.equal(view.detail, "no-such-code: something new");
  });

  it("should name an empty Sent folder when done with nothing read", () => {
    assert.equal(
      learnView({ phase: LearnPhase.DONE, read: 0 }).headline,
      "learnDoneEmpty",
    );
  });
});
