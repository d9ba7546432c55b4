// Expands address-book mailing lists in To, Cc and Bcc before the review.
//
// A list pill reaches onBeforeSend unexpanded, as "ListName <ListName>" or
// "ListName <description>"; Thunderbird expands it only after the listeners
// ran (thunderbird-platform.md §1.5). The host must see the members, so each
// list entry is replaced in its field by its members. An entry that cannot be
// expanded is never dropped: it moves to unexpandedLists, which the host
// reports (`unexpanded-list`), and leaves the field so the host does not also
// call it an invalid address.

const LIST_FIELDS = ["to", "cc", "bcc"];

// The part in angle brackets, unquoted, or the whole entry when it has none.
// Thunderbird 153 quotes a list name with a space in it there:
// 'Sales Partners <"Sales Partners">'.
function addressPart(entry) {
  const match = /<([^<>]*)>\s*$/.exec(entry);
  return (match ? match[1] : entry).trim().replace(/^"(.*)"$/s, "$1");
}

// The display name before the angle brackets, unquoted.
function namePart(entry) {
  const bracket = entry.lastIndexOf("<");
  const name = bracket < 0 ? entry : entry.slice(0, bracket);
  return name
    .trim()
    .replace(/^"(.*)"$/s, "$1")
    .replace(/\\(.)/g, "$1");
}

// True for a list pill: "Name <X>" with no mail address in the brackets. A
// bare word with no "@" is left to the host, which reports it as invalid.
export function isListEntry(entry) {
  return (
    typeof entry === "string" &&
    /<[^<>@]*>\s*$/.test(entry) &&
    !addressPart(entry).includes("@")
  );
}

// "Name <addr>", quoting the name when RFC 5322 needs it.
export function mailboxString(name, email) {
  if (!name) {
    return email;
  }
  if (/^[\w !#$%&'*+\-/=?^`{|}~\u0080-\uffff]*$/.test(name)) {
    return `${name} <${email}>`;
  }
  return `"${name.replace(/(["\\])/g, "\\$1")}" <${email}>`;
}

function isMailAddress(email) {
  return typeof email === "string" && email.includes("@");
}

// TB 147 and later: messengerUtilities.parseMailboxString(entry,
// {expandMailingLists: true}). Older versions take a boolean there and reject
// the object, which tells us to walk the address books instead. Resolves with
// the members, or null when the entry came back unexpanded (no such list, or
// no addressBooks permission).
async function expandByUtility(parseMailboxString, entry) {
  const parsed = await parseMailboxString(entry, { expandMailingLists: true });
  if (!Array.isArray(parsed) || parsed.length === 0) {
    return null;
  }
  if (!parsed.every((mailbox) => isMailAddress(mailbox?.email))) {
    return null;
  }
  return parsed.map((mailbox) => mailboxString(mailbox.name, mailbox.email));
}

// The primary address and name of a contact node: MV2 nodes carry
// `properties`; newer ones may carry only a vCard.
function contactMailbox(contact) {
  const properties = contact?.properties ?? {};
  let email = properties.PrimaryEmail;
  let name = properties.DisplayName;
  if (!isMailAddress(email) && typeof contact?.vCard === "string") {
    email = /^EMAIL[^:\n]*:(.+)$/im.exec(contact.vCard)?.[1]?.trim();
    name ??= /^FN[^:\n]*:(.+)$/im.exec(contact.vCard)?.[1]?.trim();
  }
  return isMailAddress(email) ? mailboxString(name, email) : null;
}

// Thunderbird writes a list pill as "name <description>", or "name <name>"
// when the list has no description.
function listMatches(list, entry) {
  const name = namePart(entry);
  const inBrackets = addressPart(entry);
  const shown = list.description ? list.description : list.name;
  return (
    list.name === name && (shown === inBrackets || list.name === inBrackets)
  );
}

// Older versions: find the list by name in every address book, then read its
// members. readBooks() is addressBooks.list(true); listMembers(id) is
// mailingLists.listMembers.
async function expandByWalking({ readBooks, listMembers }, entry) {
  const books = await readBooks();
  for (const book of Array.isArray(books) ? books : []) {
    for (const list of book?.mailingLists ?? []) {
      if (!listMatches(list, entry)) {
        continue;
      }
      const contacts = Array.isArray(list.contacts)
        ? list.contacts
        : await listMembers(list.id);
      const members = (contacts ?? []).map(contactMailbox);
      if (members.length === 0 || members.includes(null)) {
        return null;
      }
      return members;
    }
  }
  return null;
}

// browser: the calls the expansion needs, any of which may be missing:
// parseMailboxString (messengerUtilities), readBooks (addressBooks.list(true))
// and listMembers (mailingLists.listMembers).
export function createListExpander(browser, log = () => {}) {
  let utilityWorks = typeof browser.parseMailboxString === "function";

  async function expandEntry(entry) {
    if (utilityWorks) {
      try {
        return await expandByUtility(browser.parseMailboxString, entry);
      } catch (error) {
        // A version without expandMailingLists rejects the options object.
        utilityWorks = false;
        log("info", `list expansion falls back to the address books: ${error}`);
      }
    }
    if (typeof browser.readBooks !== "function") {
      return null;
    }
    return expandByWalking(browser, entry);
  }

  async function expandOrNull(entry) {
    try {
      return await expandEntry(entry);
    } catch (error) {
      log("warn", `a mailing list could not be expanded: ${error}`);
      return null;
    }
  }

  // Resolves with {to, cc, bcc, unexpandedLists}: the fields with every list
  // entry replaced by its members, and the entries that could not be.
  // Never rejects.
  async function expand(fields) {
    const result = { unexpandedLists: [] };
    const expansions = new Map();
    for (const field of LIST_FIELDS) {
      for (const entry of fields[field] ?? []) {
        if (isListEntry(entry) && !expansions.has(entry)) {
          expansions.set(entry, expandOrNull(entry));
        }
      }
    }
    for (const field of LIST_FIELDS) {
      result[field] = [];
      for (const entry of fields[field] ?? []) {
        if (!expansions.has(entry)) {
          result[field].push(entry);
          continue;
        }
        const members = await expansions.get(entry);
        if (members === null) {
          // Reported once, however many fields name it.
          if (!result.unexpandedLists.includes(entry)) {
            result.unexpandedLists.push(entry);
          }
        } else {
          result[field].push(...members);
        }
      }
    }
    return result;
  }

  return { expand };
}
