// One persistent native messaging port to the SendGuard host.
//
// Requests carry an id; replies are matched by id and type. Every pending
// request is settled exactly once: by its reply, by a disconnect, by a
// malformed or error reply, or by the liveness check. Nothing here touches
// browser.*: the port factory and the timers are injected.

export const PING_INTERVAL_MS = 15000;
export const PING_TIMEOUT_MS = 10000;

// The closed set of ways talking to the host can fail; the failure window
// picks its wording from these.
export const FailureKind = Object.freeze({
  HOST_MISSING: "host-missing",
  HOST_DIED: "host-died",
  HOST_HUNG: "host-hung",
  BAD_REPLY: "bad-reply",
  ERROR_REPLY: "error-reply",
  INTERNAL: "internal",
});

const NO_SUCH_HOST = "No such native application";

// `code` is the host's error code ("frame-too-large") when the host sent an
// error reply, "" otherwise.
export class HostFailure extends Error {
  constructor(kind, message, code = "") {
    super(message);
    this.name = "HostFailure";
    this.kind = kind;
    this.code = code;
  }
}

export function isPlainObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringList(value) {
  return Array.isArray(value) && value.every((v) => typeof v === "string");
}

// Returns why a verdict cannot be used, or "" when it can.
export function verdictProblem(message) {
  if (message.decision !== "send" && message.decision !== "cancel") {
    return 'the verdict has no decision "send" or "cancel"';
  }
  if (message.edits === undefined) {
    return "";
  }
  if (!isPlainObject(message.edits)) {
    return "the verdict's edits are not an object";
  }
  for (const key of ["to", "cc", "bcc"]) {
    const list = message.edits[key];
    if (list !== undefined && !isStringList(list)) {
      return `the verdict's edits.${key} is not a list of addresses`;
    }
  }
  return "";
}

// Returns why a `learned` reply cannot be used, or "" when it can.
export function learnedProblem(message) {
  for (const key of ["learned", "skipped"]) {
    if (!Number.isInteger(message[key]) || message[key] < 0) {
      return `the learned reply's ${key} is not a count`;
    }
  }
  return "";
}

// Returns why a `settingsClosed` reply cannot be used, or "" when it can.
export function settingsClosedProblem(message) {
  if (typeof message.saved !== "boolean") {
    return "the settingsClosed reply does not say whether settings were saved";
  }
  return "";
}

export class HostClient {
  #connect;
  #hostName;
  #timers;
  #log;
  #pingIntervalMs;
  #pingTimeoutMs;
  #port = null;
  #pending = new Map();
  #requestCount = 0;
  #pingCount = 0;
  #pingId = null;
  #pingTimer = null;
  #pingDeadline = null;

  // connect(hostName) returns a port with postMessage, disconnect,
  // onMessage.addListener and onDisconnect.addListener (runtime.Port).
  // timers provides setTimeout and clearTimeout.
  constructor({
    connect,
    hostName,
    timers,
    log = () => {},
    pingIntervalMs = PING_INTERVAL_MS,
    pingTimeoutMs = PING_TIMEOUT_MS,
  }) {
    this.#connect = connect;
    this.#hostName = hostName;
    this.#timers = timers;
    this.#log = log;
    this.#pingIntervalMs = pingIntervalMs;
    this.#pingTimeoutMs = pingTimeoutMs;
  }

  newRequestId() {
    this.#requestCount += 1;
    return `r-${this.#requestCount}`;
  }

  get pendingCount() {
    return this.#pending.size;
  }

  // Posts a review request and resolves with the host's verdict; rejects with
  // a HostFailure on every other outcome.
  review(request) {
    return this.#request(request, "verdict", verdictProblem);
  }

  // Posts a learn request (a batch of sent-message headers) and resolves with
  // the host's `learned` reply; rejects with a HostFailure otherwise.
  learn(request) {
    return this.#request(request, "learned", learnedProblem);
  }

  // Posts an openSettings request and resolves with the host's
  // `settingsClosed` reply once the person closes the settings dialog, which
  // may take minutes; pings keep checking that the host is alive meanwhile.
  // Rejects with a HostFailure otherwise.
  openSettings(request) {
    return this.#request(request, "settingsClosed", settingsClosedProblem);
  }

  #request(request, replyType, problemOf) {
    return new Promise((resolve, reject) => {
      if (this.#pending.has(request.id)) {
        reject(new HostFailure(FailureKind.INTERNAL, "duplicate request id"));
        return;
      }
      let port;
      try {
        port = this.#ensurePort();
      } catch (error) {
        reject(new HostFailure(FailureKind.HOST_MISSING, messageOf(error)));
        return;
      }
      this.#pending.set(request.id, { resolve, reject, replyType, problemOf });
      this.#startLiveness();
      try {
        port.postMessage(request);
      } catch (error) {
        this.#pending.delete(request.id);
        reject(new HostFailure(FailureKind.HOST_DIED, messageOf(error)));
      }
    });
  }

  // Starts the host before the first send, so the first dialog opens as fast
  // as later ones. A failure is only logged: the next review connects again
  // and reports it to the person.
  warmUp() {
    try {
      this.#ensurePort();
    } catch (error) {
      this.#log("warn", `host could not start: ${messageOf(error)}`);
    }
  }

  // Tells the host that the mail of review `id` really left. Best effort: the
  // host that reviewed it must still be connected, or the notice means nothing.
  // headerMessageId (Thunderbird's, without brackets) lets the host recognise
  // the mail when the Sent folder is learned later, so it is counted once.
  notifySent(id, headerMessageId = "") {
    if (this.#port === null) {
      this.#log("warn", `host gone, sent notice for ${id} dropped`);
      return false;
    }
    const notice = { type: "sent", id };
    if (typeof headerMessageId === "string" && headerMessageId !== "") {
      notice.messageId = `<${headerMessageId}>`;
    }
    try {
      this.#port.postMessage(notice);
      return true;
    } catch (error) {
      this.#log("warn", `sent notice for ${id} failed: ${messageOf(error)}`);
      return false;
    }
  }

  #ensurePort() {
    if (this.#port !== null) {
      return this.#port;
    }
    const port = this.#connect(this.#hostName);
    // Events of a replaced port must not touch the current one.
    port.onMessage.addListener((message) => {
      if (port === this.#port) {
        this.#handleMessage(message);
      }
    });
    port.onDisconnect.addListener(() => {
      if (port === this.#port) {
        this.#handleDisconnect(port);
      }
    });
    this.#port = port;
    return port;
  }

  #handleDisconnect(port) {
    this.#port = null;
    this.#stopLiveness();
    const detail = port.error ? messageOf(port.error) : "";
    const kind = detail.includes(NO_SUCH_HOST)
      ? FailureKind.HOST_MISSING
      : FailureKind.HOST_DIED;
    this.#log("warn", `host disconnected: ${detail || "no error given"}`);
    this.#failAll(
      new HostFailure(
        kind,
        detail || "The checking program closed the connection.",
      ),
    );
  }

  #handleMessage(message) {
    if (!isPlainObject(message)) {
      // Cannot tell which request it answers; none of them will get a usable
      // reply on this protocol state, so fail them all.
      this.#log("warn", "host sent a reply that is not a JSON object");
      this.#failAll(
        new HostFailure(
          FailureKind.BAD_REPLY,
          "The reply is not a JSON object.",
        ),
      );
      return;
    }
    const { id, type } = message;
    if (id !== undefined && id === this.#pingId) {
      this.#handlePong();
      return;
    }
    if (typeof id !== "string" || id === "") {
      this.#failAll(unattributedFailure(message));
      return;
    }
    const entry = this.#pending.get(id);
    if (entry === undefined) {
      this.#log("info", `ignoring a ${type} reply for unknown id ${id}`);
      return;
    }
    this.#pending.delete(id);
    if (this.#pending.size === 0) {
      this.#stopLiveness();
    }
    settleFromReply(entry, message);
  }

  #failAll(failure) {
    const entries = [...this.#pending.values()];
    this.#pending.clear();
    this.#stopLiveness();
    for (const entry of entries) {
      entry.reject(failure);
    }
  }

  #startLiveness() {
    if (this.#pingTimer !== null || this.#pingDeadline !== null) {
      return;
    }
    this.#pingTimer = this.#timers.setTimeout(
      () => this.#sendPing(),
      this.#pingIntervalMs,
    );
  }

  #sendPing() {
    this.#pingTimer = null;
    if (this.#port === null || this.#pending.size === 0) {
      return;
    }
    this.#pingCount += 1;
    this.#pingId = `p-${this.#pingCount}`;
    this.#pingDeadline = this.#timers.setTimeout(
      () => this.#handlePingTimeout(),
      this.#pingTimeoutMs,
    );
    try {
      this.#port.postMessage({ type: "ping", id: this.#pingId });
    } catch (error) {
      this.#log("warn", `ping failed: ${messageOf(error)}`);
    }
  }

  #handlePong() {
    this.#timers.clearTimeout(this.#pingDeadline);
    this.#pingDeadline = null;
    this.#pingId = null;
    if (this.#pending.size > 0) {
      this.#startLiveness();
    }
  }

  #handlePingTimeout() {
    this.#pingDeadline = null;
    this.#log("warn", "host did not answer a ping; treating it as hung");
    const port = this.#port;
    this.#port = null;
    try {
      port?.disconnect();
    } catch (error) {
      this.#log("warn", `disconnect failed: ${messageOf(error)}`);
    }
    const seconds = this.#pingTimeoutMs / 1000;
    this.#failAll(
      new HostFailure(
        FailureKind.HOST_HUNG,
        `The checking program did not answer for ${seconds} s.`,
      ),
    );
  }

  #stopLiveness() {
    this.#timers.clearTimeout(this.#pingTimer);
    this.#timers.clearTimeout(this.#pingDeadline);
    this.#pingTimer = null;
    this.#pingDeadline = null;
    this.#pingId = null;
  }
}

function settleFromReply(entry, message) {
  if (message.type === "error") {
    entry.reject(errorReplyFailure(message));
    return;
  }
  if (message.type !== entry.replyType) {
    entry.reject(
      new HostFailure(
        FailureKind.BAD_REPLY,
        `Expected a ${entry.replyType}, got type ${JSON.stringify(message.type)}.`,
      ),
    );
    return;
  }
  const problem = entry.problemOf(message);
  if (problem !== "") {
    entry.reject(new HostFailure(FailureKind.BAD_REPLY, problem));
    return;
  }
  entry.resolve(message);
}

function errorReplyFailure(message) {
  const code = typeof message.code === "string" ? message.code : "";
  const text = typeof message.message === "string" ? message.message : "";
  return new HostFailure(
    FailureKind.ERROR_REPLY,
    `${code || "unknown"}: ${text}`,
    code,
  );
}

// An error about a frame the host could not read names no id; it may belong
// to any pending request.
function unattributedFailure(message) {
  if (message.type === "error") {
    return errorReplyFailure(message);
  }
  return new HostFailure(FailureKind.BAD_REPLY, "The reply has no request id.");
}

export function messageOf(error) {
  if (error instanceof Error || isPlainObject(error)) {
    return String(error.message ?? error);
  }
  return String(error);
}
