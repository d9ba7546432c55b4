// The add-in's _locales: every locale has every key with the same
// placeholders, every key the code asks for exists, and the pages hold no
// text of their own (all of it comes through browser.i18n.getMessage).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const extension = fileURLToPath(new URL("../../extension/", import.meta.url));
const locales = readdirSync(join(extension, "_locales"));

function messages(locale) {
  const path = join(extension, "_locales", locale, "messages.json");
  return JSON.parse(readFileSync(path, "utf8"));
}

function files(dir, ending) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === "_locales" ? [] : files(path, ending);
    }
    return entry.name.endsWith(ending) ? [path] : [];
  });
}

// The $NAME$ markers a message uses, upper-cased as Thunderbird matches them.
function markers(text) {
  return [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)]
    .map((m) => m[1].toUpperCase())
    .sort();
}

function placeholderSet(entry) {
  return Object.entries(entry.placeholders ?? {})
    .map(([name, value]) => `${name.toUpperCase()}=${value.content}`)
    .sort();
}

const english = messages("en");
const KEY_LITERAL = /["'`]((?:failure|learn|options)[A-Z]\w*)["'`]/g;

describe("locales", () => {
  it("should have English and Japanese", () => {
    assert.deepEqual([...locales].sort(), ["en", "ja"]);
  });

  it("should name English the default locale in the manifest", () => {
    const manifest = readFileSync(join(extension, "manifest.json.in"), "utf8");
    assert.match(manifest, /"default_locale":\s*"en"/);
  });

  for (const locale of locales) {
    const own = messages(locale);

    it(`should give ${locale} exactly the keys of en`, () => {
      assert.deepEqual(Object.keys(own).sort(), Object.keys(english).sort());
    });

    it(`should give every ${locale} message the placeholders of en`, () => {
      for (const [key, entry] of Object.entries(own)) {
        assert.ok(entry.message?.trim(), `${locale}/${key} is empty`);
        assert.deepEqual(
          placeholderSet(entry),
          placeholderSet(english[key] ?? {}),
          `${locale}/${key}: placeholders differ from en`,
        );
        const declared = Object.keys(entry.placeholders ?? {})
          .map((n) => n.toUpperCase())
          .sort();
        assert.deepEqual(
          [...new Set(markers(entry.message))],
          declared,
          `${locale}/${key}: the $MARKERS$ used and declared differ`,
        );
      }
    });
  }

  it("should translate every Japanese message but the product name", () => {
    const japanese = messages("ja");
    for (const [key, entry] of Object.entries(japanese)) {
      if (key === "extensionName") {
        continue;
      }
      assert.match(
        entry.message,
        /[\u3040-\u30ff\u4e00-\u9fff]/,
        `ja/${key} is not Japanese: ${entry.message}`,
      );
    }
  });

  it("should define every key the manifest and the code ask for", () => {
    const manifest = readFileSync(join(extension, "manifest.json.in"), "utf8");
    const asked = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
    // The pages that look words up, and the modules that choose their keys
    // (failuretext.mjs, learntext.mjs); other modules' literals are storage
    // keys and the like.
    for (const file of files(extension, ".mjs")) {
      const source = readFileSync(file, "utf8");
      const page = /i18n\.getMessage|pageMessages\(/.test(source);
      if (!page && !file.endsWith("text.mjs")) {
        continue;
      }
      // Keys are written out as string literals ("failureTitle"), or built
      // from one (`learnButton_${id}`, checked through its known ids).
      for (const m of source.matchAll(KEY_LITERAL)) {
        asked.push(m[1]);
      }
    }
    for (const id of ["learn", "retry", "notNow", "close"]) {
      asked.push(`learnButton_${id}`);
    }
    assert.ok(asked.length > 20, "found too few keys: the scan is broken");
    for (const key of asked) {
      assert.ok(key in english, `the code asks for ${key}, en lacks it`);
    }
  });

  it("should keep the pages free of text of their own", () => {
    const pages = files(extension, ".html");
    assert.ok(pages.length >= 3);
    for (const page of pages) {
      const html = readFileSync(page, "utf8");
      const body = html
        .replace(/<script[\s\S]*?<\/script>/g, "")
        .replace(/<style[\s\S]*?<\/style>/g, "");
      const text = body.replace(/<[^>]*>/g, " ").trim();
      assert.equal(text, "", `${page} shows literal text: ${text}`);
      const attributes = [
        ...body.matchAll(/\b(title|alt|placeholder|aria-label)="([^"]+)"/g),
      ];
      assert.deepEqual(attributes, [], `${page} has literal text attributes`);
    }
  });
});
