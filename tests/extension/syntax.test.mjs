// node --check on every module of the add-in and of these tests.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";

const here = fileURLToPath(new URL(".", import.meta.url));
const roots = [join(here, "../../extension"), here];

function moduleFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return moduleFiles(path);
    }
    return entry.name.endsWith(".mjs") ? [path] : [];
  });
}

describe("syntax", () => {
  const files = roots.flatMap(moduleFiles);

  it("should find the add-in's modules", () => {
    assert.ok(files.some((f) => f.endsWith("background.mjs")));
  });

  for (const file of files) {
    it(`should parse ${file.slice(file.indexOf("extension"))}`, () => {
      execFileSync(process.execPath, ["--check", file]);
    });
  }
});
