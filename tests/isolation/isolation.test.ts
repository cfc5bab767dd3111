/**
 * Runs every case in tests/isolation/cases/*.ts (found with import.meta.glob: add a file,
 * nothing to register). For each case, with fresh accounts:
 *   no auth → 401; another account → 404 (resource) or 2xx without the item (list);
 *   the owner → 2xx (and, for lists, with the item). The owner goes last so that
 *   DELETE/PATCH cases prove the others changed nothing.
 */
import { describe, expect, it } from "vitest";
import { useTestDb } from "../db";
import { createTestAccount } from "./accounts";
import type { IsolationCase, IsolationRequest } from "./types";

useTestDb();

const modules = import.meta.glob<{ default: IsolationCase[] }>("./cases/*.ts", { eager: true });
const cases = Object.entries(modules).flatMap(([file, mod]) => (mod.default ?? []).map((c) => ({ file, c })));

async function call(c: IsolationCase, request: IsolationRequest, token: string | null): Promise<{ res: Response; body: unknown }> {
  const handler = await c.handler();
  const method = c.method ?? "GET";
  const headers = new Headers({ host: "localhost", ...request.headers });
  if (token) headers.set("authorization", `Bearer ${token}`);
  const payload = request.body !== undefined ? request.body : c.body;
  if (payload !== undefined) headers.set("content-type", "application/json");
  const req = new Request(`http://localhost${request.path}`, {
    method,
    headers,
    ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
  });
  const res = await handler(req, { params: Promise.resolve(request.params ?? {}) });
  const text = await res.clone().text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {}
  return { res, body };
}

describe("isolation table", () => {
  it("has cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const { file, c } of cases) {
    it(`${c.name} (${file.replace("./cases/", "")})`, async () => {
      const owner = await createTestAccount();
      const other = await createTestAccount();
      const request = await c.setup(owner);

      const anonymous = await call(c, request, null);
      expect(anonymous.res.status, "without auth").toBe(401);
      expect(anonymous.body, "without auth: the one error shape").toMatchObject({ error: { code: "unauthorized" } });

      const stranger = await call(c, request, other.apiToken);
      if (c.kind === "resource" && request.outcome) {
        expect(stranger.res.status, "another account: answered inside a 2xx").toBe(200);
        expect(
          request.outcome(stranger.body, stranger.res),
          `another account must get "not found" (body: ${JSON.stringify(stranger.body).slice(0, 300)})`,
        ).toBe("not_found");
      } else if (c.kind === "resource") {
        expect(stranger.res.status, "another account must get 404").toBe(404);
      } else {
        expect(stranger.res.status, "another account: list answers 2xx").toBeGreaterThanOrEqual(200);
        expect(stranger.res.status).toBeLessThan(300);
        expect(request.contains, "list cases need contains()").toBeTypeOf("function");
        expect(request.contains!(stranger.body, stranger.res), "another account must not see the owner's item").toBe(false);
      }

      const own = await call(c, request, owner.apiToken);
      expect(own.res.status, `the owner must get 2xx (body: ${JSON.stringify(own.body).slice(0, 300)})`).toBeGreaterThanOrEqual(200);
      expect(own.res.status).toBeLessThan(300);
      if (c.kind === "list") expect(request.contains!(own.body, own.res), "the owner must see the item").toBe(true);
      if (request.outcome)
        expect(request.outcome(own.body, own.res), `the owner must find it (body: ${JSON.stringify(own.body).slice(0, 300)})`).toBe(
          "found",
        );
    });
  }
});
