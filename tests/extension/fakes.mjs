// Fakes of the browser boundary: a native messaging port and timers.

export class FakeClock {
  now = 0;
  #timers = new Map();
  #nextId = 1;

  setTimeout = (fn, ms) => {
    const id = this.#nextId++;
    this.#timers.set(id, { fn, at: this.now + ms });
    return id;
  };

  clearTimeout = (id) => {
    this.#timers.delete(id);
  };

  get pendingTimers() {
    return this.#timers.size;
  }

  // Runs every timer due within `ms`, in time order, like real time passing.
  advance(ms) {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.#timers.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at);
      if (due.length === 0) {
        break;
      }
      const [id, timer] = due[0];
      this.#timers.delete(id);
      this.now = timer.at;
      timer.fn();
    }
    this.now = end;
  }
}

class FakeEvent {
  listeners = [];
  addListener(fn) {
    this.listeners.push(fn);
  }
  fire(...args) {
    for (const fn of this.listeners) {
      fn(...args);
    }
  }
}

// Behaves like runtime.Port: disconnect() by us fires no onDisconnect here.
export class FakePort {
  sent = [];
  disconnected = false;
  error = null;
  onMessage = new FakeEvent();
  onDisconnect = new FakeEvent();

  constructor(name) {
    this.name = name;
  }

  postMessage(message) {
    if (this.disconnected) {
      throw new Error("Attempt to postMessage on disconnected port");
    }
    this.sent.push(structuredClone(message));
  }

  disconnect() {
    this.disconnected = true;
  }

  // The host's side.
  reply(message) {
    this.onMessage.fire(message, this);
  }

  die(errorMessage = null) {
    this.disconnected = true;
    this.error = errorMessage === null ? null : { message: errorMessage };
    this.onDisconnect.fire(this);
  }

  lastOfType(type) {
    return this.sent.filter((m) => m.type === type).at(-1);
  }
}

export function fakeConnector() {
  const ports = [];
  const connect = (name) => {
    const port = new FakePort(name);
    ports.push(port);
    return port;
  };
  return { connect, ports };
}

// Lets queued promise callbacks run.
export async function flush(times = 10) {
  for (let i = 0; i < times; i++) {
    await Promise.resolve();
  }
}

export function verdict(id, decision, extra = {}) {
  return {
    type: "verdict",
    id,
    decision,
    findings: [],
    blocked: false,
    needsConfirmation: false,
    ...extra,
  };
}
