/**
 * The repository stands on its own: code and tests cite only documents that are in it.
 * Fails on a reference to a design document kept elsewhere (the project's planning
 * notes never ship), on an absolute path into a build machine, on a `docs/…` file that
 * does not exist, and on a `docs/OMI.md §N` section that OMI.md does not have.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((f) => /\.(ts|tsx|mjs|cjs|js|css)$/.test(f) || /(^|\/)README\.md$/.test(f))
  .filter((f) => !f.startsWith("docs/") && f !== "README.md" && existsSync(path.join(root, f)));

const outside =
  /\b(DESIGN|STACK-NOTES|STYLE|UX)\.md\b|\bomi-integration\.md\b|\bomi-developer-api\.md\b|\.\.\/shared\/|\/work\/[\w-]+\/|STACK-NOTES\b/;
/** A file read by an absolute path (the kernel's /proc and /dev aside). */
const absoluteRead = /(readFileSync|readFile|createReadStream|existsSync)\(\s*[`"']\/(?!proc\/|dev\/)/;

function lines(pattern: RegExp): string[] {
  const found: string[] = [];
  for (const file of tracked) {
    if (file === "tests/foundation/doc-references.test.ts") continue;
    readFileSync(path.join(root, file), "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (pattern.test(line)) found.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
      });
  }
  return found;
}

describe("documents the code relies on are in the repository", () => {
  it("no file cites a document or path outside the repository", () => {
    expect(lines(outside)).toEqual([]);
  });

  it("no test reads a fixture by an absolute path (fixtures live under tests/fixtures)", () => {
    expect(lines(absoluteRead)).toEqual([]);
  });

  it("every docs/ file cited exists, and every docs/OMI.md § cited is a section of it", () => {
    const sections = new Set(
      [...readFileSync(path.join(root, "docs/OMI.md"), "utf8").matchAll(/^#{2,3} (§\d+[a-z]?)\b/gm)].map((m) => m[1]),
    );
    const problems: string[] = [];
    for (const file of tracked) {
      const text = readFileSync(path.join(root, file), "utf8");
      for (const m of text.matchAll(/docs\/([\w./-]+\.md)/g))
        if (!existsSync(path.join(root, "docs", m[1]!))) problems.push(`${file}: docs/${m[1]} does not exist`);
      for (const m of text.matchAll(/docs\/OMI\.md\s+(§[\d]+[a-z]?(?:[,–-]\s*§?\d+[a-z]?)*)/g)) {
        for (const ref of m[1]!.split(/[,–-]\s*/).map((r) => (r.startsWith("§") ? r : `§${r}`))) {
          if (!sections.has(ref.trim())) problems.push(`${file}: docs/OMI.md ${ref} is not a section`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
