// Which words the add-in's pages show. browser.i18n.getMessage follows
// Thunderbird's display language; the policy's `language` key ("en" or "ja")
// forces one, as it does for the dialog. The pages then read that locale's
// messages.json themselves and fill its placeholders as getMessage does.

import { readManagedPolicy } from "./policy.mjs";

export const FORCED_LANGUAGES = ["en", "ja"];

// "en", "ja", or undefined for "auto", no policy or a value the host also
// ignores.
export function policyLanguage(policy) {
  const language = policy?.language;
  return FORCED_LANGUAGES.includes(language) ? language : undefined;
}

// One pass, so that a substitution holding "$1" stays as written: named
// placeholders ($COUNT$, matched without regard to case), positional ones
// ($1) and "$$" for a dollar sign.
const MARKER = /\$([A-Za-z0-9_@]+)\$|\$([1-9])|\$\$/g;

function fill(text, substitutions) {
  return text.replace(/\$([1-9])|\$\$/g, (whole, index) =>
    index === undefined ? "$" : (substitutions[index - 1] ?? ""),
  );
}

// The message `key` of a parsed messages.json, or undefined when it has none.
export function formatMessage(catalogue, key, substitutions = []) {
  const entry = catalogue?.[key];
  if (typeof entry?.message !== "string") {
    return undefined;
  }
  const subs = [substitutions].flat().map(String);
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [
      name.toLowerCase(),
      String(value?.content ?? ""),
    ]),
  );
  return entry.message.replace(MARKER, (whole, name, index) => {
    if (name !== undefined) {
      const content = placeholders.get(name.toLowerCase());
      return content === undefined ? whole : fill(content, subs);
    }
    return index === undefined ? "$" : (subs[index - 1] ?? "");
  });
}

// Rejects when `promise` has not settled within `ms`.
function within(promise, ms) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Resolves with {text(key, substitutions), language}: language is the forced
// one, or undefined when Thunderbird's choice stands. readPolicy() resolves
// with the policy or undefined; loadCatalogue(language) with a parsed
// messages.json. Any failure on the way, or no answer within timeoutMs,
// keeps Thunderbird's choice: the words may then be in the other language,
// never missing, and a failure window never waits long for its text.
export async function messageLookup({
  readPolicy,
  loadCatalogue,
  getMessage,
  timeoutMs = 2000,
}) {
  const fallback = { text: getMessage, language: undefined };
  let language;
  try {
    language = policyLanguage(await within(readPolicy(), timeoutMs));
  } catch {
    return fallback;
  }
  if (language === undefined) {
    return fallback;
  }
  let catalogue;
  try {
    catalogue = await within(loadCatalogue(language), timeoutMs);
  } catch {
    return fallback;
  }
  const text = (key, substitutions) =>
    formatMessage(catalogue, key, substitutions) ??
    getMessage(key, substitutions);
  return { text, language };
}

// The lookup for an add-in page, with the page's own browser APIs; also
// marks the page's language, which screen readers and font choice go by.
export async function pageMessages(browser, document) {
  const lookup = await messageLookup({
    readPolicy: () => readManagedPolicy(() => browser.storage.managed.get()),
    loadCatalogue: async (language) => {
      const url = browser.runtime.getURL(`_locales/${language}/messages.json`);
      const response = await fetch(url);
      return response.json();
    },
    getMessage: (key, substitutions) =>
      browser.i18n.getMessage(key, substitutions),
  });
  document.documentElement.lang =
    lookup.language ?? browser.i18n.getUILanguage();
  return lookup.text;
}
