// Turns Thunderbird's ComposeDetails and listAttachments() result into the
// `draft` object of a review request (DESIGN.md "Protocol").

const RECIPIENT_FIELDS = ["to", "cc", "bcc", "replyTo"];

// Recipients arrive as strings ("Name <addr>"), one per address. The object
// form ({id, type}) is input-only; meeting it means we would miss recipients,
// so it throws and the send takes the failure path.
export function recipientList(value, field) {
  if (value === undefined || value === null || value === "") {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list.map((entry) => {
    if (typeof entry !== "string") {
      throw new TypeError(`${field} holds a recipient that is not a string`);
    }
    return entry;
  });
}

const ENTITIES = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (match, name) => {
    if (name[0] === "#") {
      const hex = name[1] === "x" || name[1] === "X";
      const code = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return ENTITIES[name.toLowerCase()] ?? match;
  });
}

// Only a fallback for when plainTextBody is missing: good enough for the
// host's word checks, not a faithful rendering.
export function htmlToText(html) {
  const text = html
    .replace(/<(head|style|script)\b[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\b[^>]*>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre)\s*>/gi, "\n")
    .replace(/<[^>]*>/g, "");
  return decodeEntities(text)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function bodyText(details) {
  if (typeof details.plainTextBody === "string") {
    return details.plainTextBody;
  }
  return typeof details.body === "string" ? htmlToText(details.body) : "";
}

function attachmentList(attachments) {
  if (!Array.isArray(attachments)) {
    throw new TypeError("listAttachments did not return a list");
  }
  return attachments.map((a) => ({
    name: typeof a?.name === "string" ? a.name : "",
    size: Number.isFinite(a?.size) ? a.size : 0,
  }));
}

// lists: {to, cc, bcc, unexpandedLists} with mailing lists expanded
// (lists.mjs); original: {from, to, cc} of the message replied to or
// forwarded (original.mjs). Either may be absent.
export function buildDraft(details, attachments, { lists, original } = {}) {
  const draft = {
    from: typeof details.from === "string" ? details.from : "",
  };
  for (const field of RECIPIENT_FIELDS) {
    const value = lists?.[field] ?? details[field];
    draft[field] = recipientList(value, field);
  }
  draft.subject = typeof details.subject === "string" ? details.subject : "";
  draft.body = bodyText(details);
  draft.type = typeof details.type === "string" ? details.type : "new";
  if (original !== undefined) {
    draft.original = original;
  }
  draft.attachments = attachmentList(attachments);
  draft.unexpandedLists = recipientList(
    lists?.unexpandedLists,
    "unexpandedLists",
  );
  return draft;
}
