/**
 * The migration that added token scopes: tokens made before it keep the power they had
 * (all four scopes, no expiry); the column has no default afterwards, so a new token
 * always names its scopes. Runs the committed SQL files on a bare PGlite.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";

const folder = path.resolve(import.meta.dirname, "../../db/migrations");
const files = readdirSync(folder)
  .filter((f) => f.endsWith(".sql"))
  .sort();
const target = files.findIndex((f) => f.endsWith("_api_token_scopes.sql"));

async function apply(pg: PGlite, file: string) {
  for (const statement of readFileSync(path.join(folder, file), "utf8").split("--> statement-breakpoint")) {
    if (statement.trim()) await pg.exec(statement);
  }
}

describe("api_token_scopes migration", () => {
  it("gives tokens made before it every scope and no expiry, and leaves no default", async () => {
    expect(target).toBeGreaterThan(0);
    const pg = new PGlite();
    for (const file of files.slice(0, target)) await apply(pg, file);
    await pg.exec(`insert into users (id, email) values ('u1', 'old@example.test');
      insert into api_tokens (id, user_id, name, token_hash, prefix) values ('t1', 'u1', 'old script', 'hash', 'oht_abc')`);
    await apply(pg, files[target]!);
    const { rows } = await pg.query<{ scopes: string[]; expires_at: Date | null }>(
      "select scopes, expires_at from api_tokens where id = 't1'",
    );
    expect(rows[0]).toEqual({ scopes: ["read", "write", "notify", "account"], expires_at: null });
    await expect(
      pg.exec(`insert into api_tokens (id, user_id, name, token_hash, prefix) values ('t2', 'u1', 'new', 'hash2', 'oht_def')`),
    ).rejects.toThrow(/scopes/);
    await pg.close();
  });
});
