/**
 * An import from Omi's Developer API survives its server being killed halfway: a second
 * production server (the fault-test harness: `next start` in its own process group, its
 * own database) imports 300 conversations from the fake Omi, driven by the same step
 * endpoint Settings polls, is SIGKILLed mid-import, restarts on the same database, and
 * the import resumes from its saved cursor and completes with one memory per
 * conversation. PGlite folder, and Postgres when a server is configured.
 */
import { freshDatabase, postgresBaseUrl, startFaultApp, type FaultApp, type FaultDatabase } from "./faults/app";
import { expect, signUp, test, uniqueEmail } from "./fixtures";

const port = Number(process.env.E2E_PORT ?? 3100);
const fakeOmi = `http://127.0.0.1:${Number(process.env.E2E_FAKE_OMI_PORT ?? port + 99)}`;
const basePort = port + 45;

type Job = {
  id: string;
  state: string;
  phase: string;
  active: boolean;
  counts: { conversationsRead: number; conversationsCreated: number };
  totalConversations: number | null;
};

for (const kind of ["pglite", "postgres"] as const) {
  test(`an import survives its server killed halfway (${kind})`, async ({ browser }) => {
    test.skip(kind === "postgres" && !postgresBaseUrl(), "needs DATABASE_URL or TEST_BASE_DATABASE_URL (CI sets it)");
    test.setTimeout(240_000);
    const appPort = basePort + (kind === "pglite" ? 0 : 1);
    const uid = `restart${kind}${Date.now().toString(36)}`;
    const key = `omi_dev_restart_${uid}`;
    const seeded = await (
      await fetch(`${fakeOmi}/__fake/dev/seed`, {
        method: "POST",
        body: JSON.stringify({ key, uid, generate: { conversations: 300, actionItemsPerConversation: 1, segments: 4, lockedEvery: 60 } }),
      })
    ).json();
    const listed = (seeded as { conversations: { id: string; locked: boolean }[] }).conversations.filter((c) => !c.locked).map((c) => c.id);

    const db: FaultDatabase = await freshDatabase(kind, `sync_${appPort}`);
    // No app token and no Omi app credentials: the link below is trusted, as on a self-hosted hub.
    const start = () =>
      startFaultApp({ port: appPort, dbEnv: db.env, env: { OMI_API_URL: fakeOmi, OMI_DEV_API_RATE_BOOST: "100" }, appToken: false });
    let app: FaultApp | null = await start();
    const context = await browser.newContext({ baseURL: app.url });
    try {
      // An account with a (trusted) link, through the real pages; then its key.
      const page = await context.newPage();
      await signUp(page, uniqueEmail("restart"), `/link?uid=${uid}`);
      await page.getByRole("button", { name: "Link", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Linked", exact: true })).toBeVisible();
      const api = (path: string, method = "GET", body?: unknown) =>
        page.request.fetch(path, { method, headers: { origin: app!.url }, ...(body === undefined ? {} : { data: body }) });
      const overview = (await (await api("/api/v1/omi-sync/links")).json()) as { links: { linkId: string }[] };
      const linkId = overview.links[0]!.linkId;
      expect((await api(`/api/v1/omi-sync/links/${linkId}`, "PUT", { key })).status()).toBe(201);
      const started = (await (await api(`/api/v1/omi-sync/links/${linkId}/import`, "POST")).json()) as Job;

      // Step it the way Settings does, until a third is in; then kill the server during a step.
      const step = async () => (await (await api(`/api/v1/omi-sync/jobs/${started.id}/step`, "POST")).json()) as Job;
      let job = started;
      while (job.counts.conversationsRead < 100) job = await step();
      const inFlight = api(`/api/v1/omi-sync/jobs/${started.id}/step`, "POST").catch(() => null);
      await new Promise((r) => setTimeout(r, 150));
      await app.kill();
      await inFlight;
      const before = job.counts.conversationsRead;

      // Same database, new process. (A step that died holding its lease waits for the lease to run out.)
      app = await start();
      const deadline = Date.now() + 150_000;
      while (job.active && Date.now() < deadline) {
        job = await step();
        if (job.active) await new Promise((r) => setTimeout(r, job.state === "waiting" || job.state === "running" ? 500 : 50));
      }
      expect(job).toMatchObject({ state: "done", active: false });
      // The step that died saved nothing; read again, nothing is counted twice.
      expect(job.counts.conversationsRead).toBe(listed.length);
      expect(before).toBeLessThan(listed.length);
      await app.stop();
      app = null;

      const rows = await db.query<{ omi_id: string; n: number }>(
        "select omi_id, count(*)::int as n from memories where uid = $1 group by omi_id",
        [uid],
      );
      expect(rows.length).toBe(listed.length);
      expect(rows.filter((r) => Number(r.n) !== 1)).toEqual([]);
      expect(new Set(rows.map((r) => r.omi_id))).toEqual(new Set(listed));
    } finally {
      await context.close();
      await app?.kill();
      await db.drop();
    }
  });
}
