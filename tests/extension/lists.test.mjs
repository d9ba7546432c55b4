import assert from "node:assert/strict";
import { describe, it } from "node:test";

import {
  createListExpander,
  isListEntry,
  mailboxString,
} from "../../extension/modules/lists.mjs";

// What Thunderbird 153's parseMailboxString(entry, {expandMailingLists})
// returns for a known list, and for anything else (the entry, parsed).
const MEMBERS = {
  "sales team <sales team>": [
    { name: "Alice Example", email: "alice@client.example" },
    { email: "bob@partner.example" },
  ],
  "Holmes and Watson <Tenants221B>": [
    { name: "Holmes, Sherlock", email: "sherlock@221b.example" },
    { name: "John Watson", email: "john@221b.example" },
  ],
};

function utility() {
  const calls = [];
  const parseMailboxString = async (text, options) => {
    calls.push({ text, options });
    assert.deepEqual(options, { expandMailingLists: true });
    if (MEMBERS[text]) {
      return MEMBERS[text];
    }
    const match = /^(.*?)\s*<(.*)>$/.exec(text);
    return [{ name: match[1], email: match[2] }];
  };
  return { parseMailboxString, calls };
}

// An address book as addressBooks.list(true) describes it in MV2.
const BOOKS = [
  {
    id: "book1",
    name: "Personal Address Book",
    mailingLists: [
      {
        id: "list1",
        name: "sales team",
        description: "",
        contacts: [
          {
            id: "c1",
            properties: {
              PrimaryEmail: "alice@client.example",
              DisplayName: "Alice Example",
            },
          },
          { id: "c2", properties: { PrimaryEmail: "bob@partner.example" } },
        ],
      },
      { id: "list2", name: "Holmes and Watson", description: "Tenants221B" },
      { id: "list3", name: "nobody", description: "" },
    ],
  },
];

const WATSONS = [
  {
    id: "c3",
    vCard:
      "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:John Watson\r\n" +
      "EMAIL;PREF=1:john@221b.example\r\nEND:VCARD\r\n",
  },
];

function walker() {
  return {
    readBooks: async () => BOOKS,
    listMembers: async (id) => {
      assert.equal(id, "list2");
      return WATSONS;
    },
  };
}

describe("isListEntry", () => {
  const rows = [
    ["a list pill", "sales team <sales team>", true],
    ["a pill with a description", "Holmes and Watson <Tenants221B>", true],
    ["a pill with a quoted name", 'Sales Partners <"Sales Partners">', true],
    ["a mailbox", "Alice <alice@client.example>", false],
    ["a bare address", "alice@client.example", false],
    ["a bare word (an invalid address)", "alice", false],
    ["an empty entry", "", false],
  ];
  for (const [name, entry, expected] of rows) {
    it(`should say ${expected} for ${name}`, () => {
      assert.equal(isListEntry(entry), expected);
    });
  }
});

describe("mailboxString", () => {
  it("should leave a plain name unquoted", () => {
    assert.equal(
      mailboxString("Alice Example", "a@x.example"),
      "Alice Example <a@x.example>",
    );
  });
  it("should quote a name with a dot", () => {
    assert.equal(
      mailboxString("J. Watson", "j@x.example"),
      '"J. Watson" <j@x.example>',
    );
  });
  it("should quote a name with a comma", () => {
    assert.equal(
      mailboxString('Holmes, "S"', "s@x.example"),
      '"Holmes, \\"S\\"" <s@x.example>',
    );
  });
  it("should give the bare address without a name", () => {
    assert.equal(mailboxString(undefined, "b@x.example"), "b@x.example");
  });
});

describe("createListExpander with parseMailboxString (TB 147+)", () => {
  it("should replace a list by its members in the same field", async () => {
    const { parseMailboxString } = utility();
    const expander = createListExpander({ parseMailboxString });
    const result = await expander.expand({
      to: ["carol@corp.example", "sales team <sales team>"],
      cc: ["Holmes and Watson <Tenants221B>"],
      bcc: [],
    });
    assert.deepEqual(result, {
      to: [
        "carol@corp.example",
        "Alice Example <alice@client.example>",
        "bob@partner.example",
      ],
      cc: [
        '"Holmes, Sherlock" <sherlock@221b.example>',
        "John Watson <john@221b.example>",
      ],
      bcc: [],
      unexpandedLists: [],
    });
  });

  it("should report a list it cannot expand and take it out of the field", async () => {
    const { parseMailboxString } = utility();
    const expander = createListExpander({ parseMailboxString });
    const result = await expander.expand({
      to: ["alice@client.example"],
      cc: [],
      bcc: ["board <board>"],
    });
    assert.deepEqual(result, {
      to: ["alice@client.example"],
      cc: [],
      bcc: [],
      unexpandedLists: ["board <board>"],
    });
  });

  it("should report a list named in two fields once", async () => {
    const { parseMailboxString } = utility();
    const expander = createListExpander({ parseMailboxString });
    const result = await expander.expand({
      to: ["board <board>"],
      bcc: ["board <board>"],
    });
    assert.deepEqual(result.unexpandedLists, ["board <board>"]);
    assert.deepEqual([result.to, result.bcc], [[], []]);
  });

  it("should not ask about entries that are addresses", async () => {
    const { parseMailboxString, calls } = utility();
    const expander = createListExpander({ parseMailboxString });
    await expander.expand({ to: ["a@x.example", "B <b@x.example>"] });
    assert.equal(calls.length, 0);
  });

  it("should expand a list named in two fields once", async () => {
    const { parseMailboxString, calls } = utility();
    const expander = createListExpander({ parseMailboxString });
    const result = await expander.expand({
      to: ["sales team <sales team>"],
      cc: ["sales team <sales team>"],
    });
    assert.equal(calls.length, 1);
    assert.equal(result.cc.length, 2);
  });

  it("should report an empty expansion as unexpanded", async () => {
    const expander = createListExpander({
      parseMailboxString: async () => [],
    });
    const result = await expander.expand({ to: ["empty <empty>"] });
    assert.deepEqual(result.unexpandedLists, ["empty <empty>"]);
    assert.deepEqual(result.to, []);
  });

  it("should fall back to the address books when the option is rejected", async () => {
    const logged = [];
    const expander = createListExpander(
      {
        parseMailboxString: async () => {
          throw new Error("Type error for parameter preserveGroups");
        },
        ...walker(),
      },
      (level, text) => logged.push(level, text),
    );
    const result = await expander.expand({ to: ["sales team <sales team>"] });
    assert.deepEqual(result.to, [
      "Alice Example <alice@client.example>",
      "bob@partner.example",
    ]);
    assert.equal(logged[0], "info");
  });
});

describe("createListExpander walking the address books (TB 128/140)", () => {
  it("should match a list by name and use the contacts it carries", async () => {
    const expander = createListExpander(walker());
    const result = await expander.expand({ cc: ["sales team <sales team>"] });
    assert.deepEqual(result.cc, [
      "Alice Example <alice@client.example>",
      "bob@partner.example",
    ]);
  });

  it("should match a list whose name Thunderbird quotes in the brackets", async () => {
    const expander = createListExpander(walker());
    const result = await expander.expand({ to: ['sales team <"sales team">'] });
    assert.deepEqual(result.to, [
      "Alice Example <alice@client.example>",
      "bob@partner.example",
    ]);
  });

  it("should match a list shown with its description and read its members", async () => {
    const expander = createListExpander(walker());
    const result = await expander.expand({
      to: ["Holmes and Watson <Tenants221B>"],
    });
    assert.deepEqual(result.to, ["John Watson <john@221b.example>"]);
    assert.deepEqual(result.unexpandedLists, []);
  });

  it("should report a list that is in no address book", async () => {
    const expander = createListExpander(walker());
    const result = await expander.expand({ to: ["board <board>"] });
    assert.deepEqual(result.unexpandedLists, ["board <board>"]);
  });

  it("should report a list with no members", async () => {
    const expander = createListExpander({
      ...walker(),
      listMembers: async () => [],
    });
    const result = await expander.expand({ to: ["nobody <nobody>"] });
    assert.deepEqual(result.unexpandedLists, ["nobody <nobody>"]);
  });

  it("should report, not throw, when the address books cannot be read", async () => {
    const logged = [];
    const expander = createListExpander(
      {
        readBooks: async () => {
          throw new Error("permission denied");
        },
      },
      (level) => logged.push(level),
    );
    const result = await expander.expand({
      to: ["sales team <sales team>", "a@x.example"],
    });
    assert.deepEqual(result, {
      to: ["a@x.example"],
      cc: [],
      bcc: [],
      unexpandedLists: ["sales team <sales team>"],
    });
    assert.deepEqual(logged, ["warn"]);
  });

  it("should report every list when no address book call exists", async () => {
    const expander = createListExpander({});
    const result = await expander.expand({ to: ["sales team <sales team>"] });
    assert.deepEqual(result.unexpandedLists, ["sales team <sales team>"]);
  });
});
