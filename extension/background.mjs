// The thin browser.* shell: wires Thunderbird's events to the modules.
// Runs in a persistent MV2 background page, so a listener waiting on the
// failure window is never suspended (thunderbird-e2e.md §7).

import { HostClient } from "./modules/hostclient.mjs";
import { createFailurePrompt } from "./modules/failureprompt.mjs";
import { readManagedPolicy } from "./modules/policy.mjs";
import { createSendFlow } from "./modules/sendflow.mjs";
import { createListExpander } from "./modules/lists.mjs";
import { readOriginal } from "./modules/original.mjs";
import { HOST_NAME } from "./modules/names.mjs";

const FAILURE_WINDOW_WIDTH = 480;
const FAILURE_WINDOW_HEIGHT = 240;

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
browser.runtime.onMessage.addListener((message) => {
  failurePrompt.handleMessage(message);
});
browser.windows.onRemoved.addListener((windowId) =>
  failurePrompt.handleWindowRemoved(windowId),
);

readPolicyOnce().catch(() => {});
client.warmUp();
log("info", "background ready");
