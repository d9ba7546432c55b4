// The thin browser.* shell: wires Thunderbird's events to the modules.
// Runs in a persistent MV2 background page, so a listener waiting on the
// failure window is never suspended (thunderbird-e2e.md §7).

import { HostClient } from "./modules/hostclient.mjs";
import { createFailurePrompt } from "./modules/failureprompt.mjs";
import { readManagedPolicy } from "./modules/policy.mjs";
import { createSendFlow } from "./modules/sendflow.mjs";
import { createListExpander } from "./modules/lists.mjs";
import { readOriginal } from "./modules/original.mjs";
import { createSettingsOpener } from "./modules/settingsopener.mjs";
import { HOST_NAME } from "./modules/names.mjs";
import {
  createLearnController,
  LEARN_PAGE,
  LEARN_PROGRESS_MESSAGE,
  LEARN_STATE_KEY,
} from "./modules/sentlearner.mjs";

const FAILURE_WINDOW_WIDTH = 480;
const FAILURE_WINDOW_HEIGHT = 240;
const LEARN_WINDOW_WIDTH = 520;
const LEARN_WINDOW_HEIGHT = 320;

function log(level, text) {
  console.log(`SendGuard ${level}: ${text}`);
}

const client = new HostClient({
  connect: (name) => browser.runtime.connectNative(name),
  hostName: HOST_NAME,
  timers: {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (id) => clearTimeout(id),
  },
  log,
});

const failurePrompt = createFailurePrompt({
  openWindow: async (url) => {
    const window = await browser.windows.create({
      type: "popup",
      url: browser.runtime.getURL(url),
      width: FAILURE_WINDOW_WIDTH,
      height: FAILURE_WINDOW_HEIGHT,
    });
    return window.id;
  },
  closeWindow: (windowId) => browser.windows.remove(windowId),
  newToken: () => crypto.randomUUID(),
  log,
});

// Thunderbird reads managed storage once per session and never reports a
// change (no storage.managed.onChanged), so one successful read is kept.
let policyRead = null;
function readPolicyOnce() {
  if (policyRead === null) {
    policyRead = readManagedPolicy(() => browser.storage.managed.get());
    policyRead.catch(() => {
      policyRead = null;
    });
  }
  return policyRead;
}

// MV2 namespaces; parseMailboxString expands lists from Thunderbird 147 on.
// They are touched only when a draft holds a list: touching them while the
// page loads kept Thunderbird 153 from exiting after its last window closed
// (seen in the e2e internal-only scenario). A missing namespace throws on
// first use, and the expander then falls back or reports the list.
const listExpander = createListExpander(
  {
    parseMailboxString: (text, options) =>
      browser.messengerUtilities.parseMailboxString(text, options),
    readBooks: () => browser.addressBooks.list(true),
    listMembers: (id) => browser.mailingLists.listMembers(id),
  },
  log,
);

const sendFlow = createSendFlow({
  client,
  readPolicy: readPolicyOnce,
  listAttachments: (tabId) => browser.compose.listAttachments(tabId),
  askAfterFailure: (failure) => failurePrompt.ask(failure),
  readOriginal: (details) =>
    readOriginal(details, (id) => browser.messages.get(id)),
  expandLists: (details) => listExpander.expand(details),
  log,
});

// Registered synchronously while the page loads; onBeforeSend's promise
// always resolves with {cancel} (see sendflow.mjs).
browser.compose.onBeforeSend.addListener((tab, details) =>
  sendFlow.onBeforeSend(tab, details),
);
browser.compose.onAfterSend.addListener((tab, sendInfo) =>
  sendFlow.onAfterSend(tab, sendInfo),
);
// Learning from the Sent folders (headers only; needs accountsRead and
// messagesRead). MV2 accepts a folder id in messages.list from TB 121 on.
let learnWindowId = null;
async function openLearnWindow() {
  if (learnWindowId !== null) {
    try {
      await browser.windows.update(learnWindowId, { focused: true });
      return;
    } catch {
      learnWindowId = null;
    }
  }
  const window = await browser.windows.create({
    type: "popup",
    url: browser.runtime.getURL(LEARN_PAGE),
    width: LEARN_WINDOW_WIDTH,
    height: LEARN_WINDOW_HEIGHT,
  });
  learnWindowId = window.id;
}

const learner = createLearnController({
  reads: {
    sentFolders: () =>
      browser.folders.query({ specialUse: ["sent"], isUnified: false }),
    messageCount: async (folder) =>
      (await browser.folders.getFolderInfo(folder.id)).totalMessageCount,
    firstPage: (folder) => browser.messages.list(folder.id),
    nextPage: (listId) => browser.messages.continueList(listId),
  },
  client,
  storage: {
    get: async () =>
      (await browser.storage.local.get(LEARN_STATE_KEY))[LEARN_STATE_KEY],
    set: (state) => browser.storage.local.set({ [LEARN_STATE_KEY]: state }),
  },
  openWindow: openLearnWindow,
  // Rejects when no extension page listens; the controller only logs that.
  broadcast: (status) =>
    browser.runtime
      .sendMessage({ type: LEARN_PROGRESS_MESSAGE, status })
      .catch(() => {}),
  log,
});

// The options page's "Open SendGuard settings": openSettings over the same
// port, with the admin policy the reviews use.
const settingsOpener = createSettingsOpener({
  client,
  readPolicy: readPolicyOnce,
  log,
});

browser.runtime.onMessage.addListener((message) => {
  if (failurePrompt.handleMessage(message)) {
    return undefined;
  }
  return (
    settingsOpener.handleMessage(message) ?? learner.handleMessage(message)
  );
});
browser.windows.onRemoved.addListener((windowId) => {
  if (windowId === learnWindowId) {
    learnWindowId = null;
  }
  failurePrompt.handleWindowRemoved(windowId);
});

readPolicyOnce().catch(() => {});
client.warmUp();
learner.offerOnFirstRun();
log("info", "background ready");
