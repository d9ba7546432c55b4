// Learning from the Sent folders: reads the headers of already-sent messages
// (sender, recipients, Message-ID and date; never a subject or a body), sends
// them to the host in `learn` batches and reports progress. The host ignores
// a message it has learned before, so a run can be repeated at any time.
//
// Nothing here touches browser.*: the folder and message reads, the host
// client, storage and the window are injected (see background.mjs).

import { HostFailure, messageOf } from "./hostclient.mjs";

export const LEARN_BATCH_SIZE = 200;
export const LEARN_STATE_KEY = "learnFromSent";
// runtime messages between the learn window and the background page.
export const LEARN_REQUEST_MESSAGE = "sendguard-learn";
export const LEARN_PROGRESS_MESSAGE = "sendguard-learn-progress";
export const LEARN_PAGE = "learn/learn.html";

export const LearnPhase = Object.freeze({
  IDLE: "idle",
  RUNNING: "running",
  DONE: "done",
  FAILED: "failed",
});

// Thunderbird can no longer read a folder or its messages; the host side has
// its own kinds (FailureKind).
export const READ_FAILED = "read-failed";

function addressList(value) {
  return Array.isArray(value)
    ? value.filter((entry) => typeof entry === "string" && entry !== "")
    : [];
}

// messages.MessageHeader -> one entry of a learn request. Only these fields
// leave Thunderbird for the host; the subject never does.
export function learnedMessageOf(header) {
  const entry = {
    messageId: header.headerMessageId ? `<${header.headerMessageId}>` : "",
    from: typeof header.author === "string" ? header.author : "",
    to: addressList(header.recipients),
    cc: addressList(header.ccList),
    bcc: addressList(header.bccList),
  };
  const time =
    header.date instanceof Date ? header.date.getTime() : Number(header.date);
  if (Number.isFinite(time) && time > 0) {
    entry.date = time;
  }
  return entry;
}

function hasRecipients(entry) {
  return entry.to.length + entry.cc.length + entry.bcc.length > 0;
}

// True for a real folder whose special use includes "sent" (the unified Sent
// folder and saved searches only show other folders' messages again).
export function isSentFolder(folder) {
  if (folder.isUnified || folder.isVirtual || folder.isTag) {
    return false;
  }
  const uses = Array.isArray(folder.specialUse) ? folder.specialUse : [];
  return uses.includes("sent") || folder.type === "sent";
}

// reads: {
//   sentFolders() -> [MailFolder],
//   messageCount(folder) -> number (an estimate for the progress bar),
//   firstPage(folder) -> MessageList, nextPage(listId) -> MessageList,
// }
// client: { learn(request) -> {learned, skipped}, newRequestId() }
// Resolves with the final status; never rejects.
export async function learnFromSentFolders({
  reads,
  client,
  onProgress = () => {},
  batchSize = LEARN_BATCH_SIZE,
  log = () => {},
}) {
  const status = {
    phase: LearnPhase.RUNNING,
    folders: 0,
    read: 0,
    total: 0,
    learned: 0,
    skipped: 0,
  };
  const report = () => {
    status.total = Math.max(status.total, status.read);
    onProgress({ ...status });
  };
  let batch = [];

  async function flushBatch() {
    if (batch.length === 0) {
      return;
    }
    const messages = batch;
    batch = [];
    const request = { type: "learn", id: client.newRequestId(), messages };
    const reply = await client.learn(request);
    status.learned += reply.learned;
    status.skipped += reply.skipped;
  }

  let step = "finding the Sent folders";
  try {
    const folders = (await reads.sentFolders()).filter(isSentFolder);
    status.folders = folders.length;
    // The count only sizes the progress bar; reading finds the real number.
    for (const folder of folders) {
      try {
        const count = Number(await reads.messageCount(folder));
        status.total += Math.max(0, count || 0);
      } catch (error) {
        log("info", `cannot count a Sent folder: ${messageOf(error)}`);
      }
    }
    report();
    for (const folder of folders) {
      step = "reading a Sent folder";
      let page = await reads.firstPage(folder);
      for (;;) {
        for (const header of page.messages ?? []) {
          status.read += 1;
          const entry = learnedMessageOf(header);
          if (hasRecipients(entry)) {
            batch.push(entry);
          }
          if (batch.length >= batchSize) {
            step = "sending headers to the checking program";
            await flushBatch();
            step = "reading a Sent folder";
          }
        }
        report();
        if (!page.id) {
          break;
        }
        page = await reads.nextPage(page.id);
      }
    }
    step = "sending headers to the checking program";
    await flushBatch();
  } catch (error) {
    status.phase = LearnPhase.FAILED;
    if (error instanceof HostFailure) {
      status.failure = {
        kind: error.kind,
        code: error.code,
        detail: error.message,
      };
    } else {
      status.failure = {
        kind: READ_FAILED,
        detail: `${step}: ${messageOf(error)}`,
      };
    }
    log("warn", `learning from Sent failed: ${status.failure.detail}`);
    report();
    return { ...status };
  }
  status.phase = LearnPhase.DONE;
  status.total = status.read;
  log(
    "info",
    `learned from Sent: ${status.read} messages in ${status.folders} folders, ` +
      `${status.learned} new, ${status.skipped} known before`,
  );
  report();
  return { ...status };
}

// The background's side of learning: one run at a time, the offer on first
// run, the state remembered in storage.local, progress sent to the window.
//
// deps: {
//   reads, client (as for learnFromSentFolders),
//   storage: { get() -> stored state or undefined, set(state) },
//   openWindow() -> opens (or focuses) the learn window,
//   broadcast(status) -> tells an open learn window,
//   now() -> ms, sleep(ms) -> promise, log(level, text),
// }
export function createLearnController({
  reads,
  client,
  storage,
  openWindow,
  broadcast,
  now = () => Date.now(),
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  log = () => {},
}) {
  // seq orders the states: a window may get a reply and broadcasts out of
  // order, and shows only the newest.
  let seq = 0;
  let status = { phase: LearnPhase.IDLE, read: 0, total: 0, seq };
  let running = null;

  function update(next) {
    seq += 1;
    status = { ...next, seq };
    try {
      broadcast({ ...status });
    } catch (error) {
      log("info", `no learn window to tell: ${messageOf(error)}`);
    }
  }

  async function remember(change) {
    try {
      const stored = (await storage.get()) ?? {};
      await storage.set({ ...stored, ...change });
    } catch (error) {
      log("warn", `could not store the learn state: ${messageOf(error)}`);
    }
  }

  function start() {
    if (running !== null) {
      return running;
    }
    update({ phase: LearnPhase.RUNNING, read: 0, total: 0 });
    running = learnFromSentFolders({ reads, client, onProgress: update, log })
      .then(async (final) => {
        if (final.phase === LearnPhase.DONE) {
          await remember({
            offered: true,
            doneAt: now(),
            messages: final.read,
          });
        }
        return final;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  // Counts the messages of the Sent folders; a folder Thunderbird cannot
  // count is logged and counted as empty.
  // TODO: Thunderbird 153 cannot count or list a local folder whose summary
  // (.msf) it has not built yet (getFolderInfo throws "An unexpected error
  // occurred", messages.list returns nothing) until the folder is opened once
  // in the folder pane; such a folder is missed, and no offer is made for it.
  async function countSentMessages(folders) {
    let count = 0;
    for (const folder of folders) {
      try {
        count += Math.max(0, Number(await reads.messageCount(folder)) || 0);
      } catch (error) {
        log("info", `cannot count a Sent folder: ${messageOf(error)}`);
      }
    }
    return count;
  }

  // At start-up: offers learning once, and only when a Sent folder has
  // something in it (a new profile has nothing to learn from, and mail sent
  // through SendGuard teaches the history as it leaves). Thunderbird finds a
  // profile's folders a few seconds after the add-in starts, so the search is
  // repeated `attempts` times, `retryMs` apart, while it finds no Sent folder.
  // Resolves with true when the window was opened.
  async function offerOnFirstRun({ attempts = 6, retryMs = 2000 } = {}) {
    let step = "reading the stored state";
    try {
      const stored = (await storage.get()) ?? {};
      if (stored.offered) {
        log("info", "learning from Sent was offered before; not again");
        return false;
      }
      step = "finding the Sent folders";
      let folders = [];
      for (let attempt = 1; attempt <= attempts; attempt++) {
        folders = (await reads.sentFolders()).filter(isSentFolder);
        if (folders.length > 0 || attempt === attempts) {
          break;
        }
        await sleep(retryMs);
      }
      step = "counting the sent messages";
      const count = await countSentMessages(folders);
      if (count === 0) {
        log(
          "info",
          `nothing to learn in ${folders.length} Sent folders; no offer`,
        );
        return false;
      }
      step = "opening the learn window";
      await remember({ offered: true, offeredAt: now() });
      await openWindow();
      return true;
    } catch (error) {
      log("warn", `first-run learn offer failed ${step}: ${messageOf(error)}`);
      return false;
    }
  }

  // runtime.onMessage from the learn window or the options page. Returns a
  // promise of the answer, or undefined for messages that are not ours.
  function handleMessage(message) {
    if (message?.type !== LEARN_REQUEST_MESSAGE) {
      return undefined;
    }
    switch (message.action) {
      case "status":
        return Promise.resolve({ ...status });
      case "start":
        start();
        return Promise.resolve({ ...status });
      case "open":
        return Promise.resolve(openWindow()).then(() => ({ ...status }));
      case "stored":
        return Promise.resolve(storage.get()).then((stored) => stored ?? {});
      default:
        return Promise.resolve({ error: `unknown action ${message.action}` });
    }
  }

  return {
    start,
    offerOnFirstRun,
    handleMessage,
    get status() {
      return { ...status };
    },
  };
}
