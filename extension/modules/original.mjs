// Reads the sender and recipients of the message a reply or forward is based
// on: the draft's `original`, which the host's `new-domain-in-reply` rule
// compares the recipients with. Needs the messagesRead permission
// (ComposeDetails.relatedMessageId, thunderbird-platform.md §1.4).

const TYPES_WITH_ORIGINAL = new Set(["reply", "forward"]);

function stringList(value) {
  return Array.isArray(value)
    ? value.filter((entry) => typeof entry === "string")
    : [];
}

// True when the compose details point at a message we should read.
export function hasRelatedMessage(details) {
  return (
    TYPES_WITH_ORIGINAL.has(details?.type) &&
    Number.isInteger(details?.relatedMessageId)
  );
}

// getMessage(id) is messages.get. Resolves with {from, to, cc}, or undefined
// when the draft is no reply or forward. Rejects when the message cannot be
// read; the caller sends the draft without `original` then.
export async function readOriginal(details, getMessage) {
  if (!hasRelatedMessage(details)) {
    return undefined;
  }
  const header = await getMessage(details.relatedMessageId);
  if (typeof header !== "object" || header === null) {
    throw new TypeError("the related message has no header");
  }
  return {
    from: typeof header.author === "string" ? header.author : "",
    to: stringList(header.recipients),
    cc: stringList(header.ccList),
  };
}
