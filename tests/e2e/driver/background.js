// Test-only driver for SendGuard's end-to-end tests and the demo. It is a separate add-on: the
// real add-in is installed untouched, and its onBeforeSend listener fires for this add-on's sends
// exactly as for a person's click. The scenario comes from scenario.json, written into this
// add-on's XPI by the harness. Reports go to Thunderbird's stdout as lines "E2E {json}"
// (devtools.console.stdout.content), with non-ASCII escaped so that they stay valid JSON.
//
// scenario.json:
//   { "mode": "test" | "compose-only",
//     "draft": { "to": [], "cc": [], "bcc": [], "subject": "", "body": "",
//                "attachments": [ { "name": "", "type": "", "content": "" } ] },
//     "rounds": [ { "trigger": "api" | "click", "pauseMs": 0 } ],   test mode: one send each
//     (a round's "recipients": { "to": [], "cc": [] } replace the draft's before that send)
//     "checkComposeAfterCancel": true,
//     "closeWhenDone": true,
//     "addressBook": { "lists": [ { "name": "", "description": "",
//                                   "members": [ { "name": "", "email": "" } ] } ] } }
// A recipient { "list": "name" } in the draft is that address-book mailing list, added as a
// list pill (the compose API's { id, type: "mailingList" } form).
// Mode "open-sent" (a profile's earlier life, before SendGuard is installed): waits for
// Thunderbird to find the Sent folder, shows it in the main window as a person clicking it
// would (Thunderbird then builds the folder's summary from its mbox), waits until
// "expectMessages" messages are listed, reports OPENED and closes every window.
// "replyTo": { "eml": "", "replyType": "replyToAll" | "forward" } imports that message into
// the first account's Inbox and starts a reply to it (or a forward); the draft's to, cc,
// subject and body then replace the reply's own.
// "reportAddon": "<id>" reports ADDON, what Thunderbird's add-on manager says of that add-on
// (installType, enabled, mayDisable), after the rounds: how it was installed and whether a
// policy locks it.

const ROUND_TIMEOUT_MS = 90000;

function report(ev, data) {
  const json = JSON.stringify({ ev, data }).replace(
    /[\u007f-\uffff]/g,
    (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"),
  );
  console.log("E2E " + json);
}

// Sub-millisecond wall clock, same epoch as the harness's time.time() and the X watcher.
function wallClockMs() {
  return performance.timeOrigin + performance.now();
}

async function loadScenario() {
  const response = await fetch(browser.runtime.getURL("scenario.json"));
  return response.json();
}

// Creates the scenario's address book and its mailing lists; resolves with list name -> id.
async function createAddressBook(addressBook) {
  const listIds = new Map();
  if (!addressBook) return listIds;
  const bookId = await browser.addressBooks.create({ name: "SendGuard e2e" });
  for (const list of addressBook.lists || []) {
    const listId = await browser.mailingLists.create(bookId, {
      name: list.name,
      description: list.description || "",
    });
    for (const member of list.members || []) {
      const contactId = await browser.contacts.create(bookId, {
        DisplayName: member.name || "",
        PrimaryEmail: member.email,
      });
      await browser.mailingLists.addMember(listId, contactId);
    }
    listIds.set(list.name, listId);
  }
  report("ADDRESSBOOK", { lists: [...listIds.keys()] });
  return listIds;
}

function recipients(entries, listIds) {
  return (entries || []).map((entry) =>
    typeof entry === "string" ? entry : { id: listIds.get(entry.list), type: "mailingList" },
  );
}

function findFolder(folders, type) {
  for (const folder of folders || []) {
    if (folder.type === type) return folder;
    const inner = findFolder(folder.subFolders, type);
    if (inner) return inner;
  }
  return null;
}

// Imports the message and opens a reply to it (or a forward) with the draft's fields.
async function composeReply(replyTo, draft) {
  const accounts = await browser.accounts.list(true);
  let folder = null;
  for (const account of accounts) {
    folder = folder || findFolder(account.folders, "inbox");
  }
  if (!folder) folder = await browser.folders.create(accounts[0], "SendGuard e2e");
  const file = new File([replyTo.eml], "original.eml", { type: "message/rfc822" });
  const header = await browser.messages.import(file, folder);
  report("IMPORTED", { messageId: header.id, author: header.author });
  const replyType = replyTo.replyType || "replyToAll";
  const tab =
    replyType === "forward"
      ? await browser.compose.beginForward(header.id, "forwardInline")
      : await browser.compose.beginReply(header.id, replyType);
  await browser.compose.setComposeDetails(tab.id, {
    to: draft.to || [],
    cc: draft.cc || [],
    bcc: draft.bcc || [],
    subject: draft.subject || "",
  });
  const details = await browser.compose.getComposeDetails(tab.id);
  report("REPLY", { type: details.type, relatedMessageId: details.relatedMessageId });
  return tab;
}

async function composeDraft(draft, listIds = new Map()) {
  const tab = await browser.compose.beginNew({
    to: recipients(draft.to, listIds),
    cc: recipients(draft.cc, listIds),
    bcc: recipients(draft.bcc, listIds),
    subject: draft.subject || "",
    plainTextBody: draft.body || "",
    isPlainText: true,
  });
  for (const attachment of draft.attachments || []) {
    const file = new File([attachment.content], attachment.name, {
      type: attachment.type || "application/octet-stream",
    });
    await browser.compose.addAttachment(tab.id, { file });
  }
  return tab;
}

// Resolves with the next onAfterSend for this tab: the way to learn what happened to a send
// that a person (or xdotool) started with the Send button.
function nextAfterSend(tabId) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      browser.compose.onAfterSend.removeListener(listener);
      reject(new Error("no onAfterSend within " + ROUND_TIMEOUT_MS + " ms"));
    }, ROUND_TIMEOUT_MS);
    function listener(tab, info) {
      if (tab.id !== tabId) return;
      clearTimeout(timer);
      browser.compose.onAfterSend.removeListener(listener);
      resolve(info);
    }
    browser.compose.onAfterSend.addListener(listener);
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function verdictOfError(message) {
  return message.includes("onBeforeSend") ? "cancelled" : "error: " + message;
}

async function sendByApi(tabId, round) {
  const t0 = wallClockMs();
  report("SEND", { round, t0 });
  try {
    const result = await browser.compose.sendMessage(tabId, { mode: "sendNow" });
    return { verdict: "sent", t0, headerMessageId: result && result.headerMessageId };
  } catch (e) {
    return { verdict: verdictOfError(String(e.message || e)), t0 };
  }
}

async function sendByClick(tabId) {
  const info = await nextAfterSend(tabId);
  if (info && info.error) return { verdict: verdictOfError(info.error) };
  return { verdict: "sent", headerMessageId: info && info.headerMessageId };
}

// After a cancelled send the compose window must be usable again: it still exists, its
// details can be read, and a change to the subject takes effect.
async function checkComposeUsable(tabId, draft) {
  const details = await browser.compose.getComposeDetails(tabId);
  const newSubject = draft.subject + " (edited after cancel)";
  await browser.compose.setComposeDetails(tabId, { subject: newSubject });
  const after = await browser.compose.getComposeDetails(tabId);
  const tab = await browser.tabs.get(tabId);
  return {
    exists: tab.type === "messageCompose",
    to: details.to,
    subjectBefore: details.subject,
    subjectAfter: after.subject,
    usable: after.subject === newSubject,
  };
}

// Closing the last window makes Thunderbird exit, and this script with it. On a busy machine
// the main window sometimes finishes its start, and maps, only after the first pass has closed
// the compose window (seen in CI: Thunderbird then waited forever with that window open). So
// every window is closed again, pass after pass, until Thunderbird is gone; a window closed by
// a later pass is reported.
async function closeEverything() {
  for (let pass = 0; ; ++pass) {
    for (const window of await browser.windows.getAll()) {
      if (pass > 0) report("LATE_WINDOW", { pass, id: window.id, type: window.type });
      try {
        await browser.windows.remove(window.id);
      } catch (e) {
        report("WARN", { closing: window.id, error: String(e.message || e) });
      }
    }
    await sleep(1000);
  }
}

async function runRounds(scenario, tab) {
  let last = { verdict: "not sent" };
  const rounds = scenario.rounds || [{ trigger: "api" }];
  for (let round = 0; round < rounds.length; ++round) {
    const trigger = rounds[round].trigger || "api";
    // A pause before a send lets Thunderbird settle after the previous cancel, as a person
    // would; back-to-back sends measure Thunderbird's busy main thread, not SendGuard.
    if (rounds[round].pauseMs) await sleep(rounds[round].pauseMs);
    if (rounds[round].recipients) {
      await browser.compose.setComposeDetails(tab.id, rounds[round].recipients);
    }
    const waiting = trigger === "click" ? sendByClick(tab.id) : null;
    report("READY", { round, trigger, tabId: tab.id, windowId: tab.windowId });
    last = trigger === "click" ? await waiting : await sendByApi(tab.id, round);
    report("RESULT", { round, trigger, t1: wallClockMs(), ...last });
    if (last.verdict === "sent" || last.verdict.startsWith("error")) break;
  }
  if (last.verdict !== "sent" && scenario.checkComposeAfterCancel) {
    try {
      report("CHECK", await checkComposeUsable(tab.id, scenario.draft));
    } catch (e) {
      report("CHECK", { usable: false, error: String(e.message || e) });
    }
  }
}

// Polls fn() every 200 ms until it returns something truthy (an error counts as not yet);
// rejects after timeoutMs, naming the last error.
async function poll(fn, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  for (;;) {
    try {
      const value = await fn();
      if (value) return value;
    } catch (e) {
      lastError = String(e.message || e);
    }
    if (Date.now() > deadline) {
      throw new Error("timed out waiting for " + what + (lastError ? ": " + lastError : ""));
    }
    await sleep(200);
  }
}

async function openSentFolder(expected) {
  const folder = await poll(
    async () => (await browser.folders.query({ specialUse: ["sent"], isUnified: false }))[0],
    20000,
    "a Sent folder",
  );
  await poll(
    async () => browser.mailTabs.update({ displayedFolder: folder.id }),
    20000,
    "the main window to show " + folder.path,
  );
  const count = await poll(
    async () => {
      const page = await browser.messages.list(folder.id);
      let n = page.messages.length;
      for (let id = page.id; id; ) {
        const next = await browser.messages.continueList(id);
        n += next.messages.length;
        id = next.id;
      }
      return n >= expected ? n : 0;
    },
    20000,
    expected + " messages in " + folder.path,
  );
  report("OPENED", { folder: folder.path, count });
}

(async () => {
  let scenario = { mode: "test", closeWhenDone: true };
  try {
    scenario = await loadScenario();
    if (scenario.mode === "open-sent") {
      await openSentFolder(scenario.expectMessages);
      report("END", {});
      await sleep(300);
      await closeEverything();
      return;
    }
    const listIds = await createAddressBook(scenario.addressBook);
    const tab = scenario.replyTo
      ? await composeReply(scenario.replyTo, scenario.draft)
      : await composeDraft(scenario.draft, listIds);
    report("COMPOSED", { tabId: tab.id, windowId: tab.windowId });
    if (scenario.mode === "compose-only") return;
    await runRounds(scenario, tab);
    if (scenario.reportAddon) {
      const addon = await browser.management.get(scenario.reportAddon);
      report("ADDON", {
        id: addon.id,
        version: addon.version,
        installType: addon.installType,
        enabled: addon.enabled,
        mayDisable: addon.mayDisable,
      });
    }
  } catch (e) {
    report("FAILED", { error: String(e.message || e) });
  }
  report("END", {});
  if (scenario.mode !== "compose-only" && scenario.closeWhenDone !== false) {
    await sleep(300);
    await closeEverything();
  }
})();
