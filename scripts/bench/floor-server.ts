/**
 * The floor of the ingest comparison: a plain node:http server that reads the body,
 * parses the JSON and upserts the memory with postgres.js. No framework, no auth, no
 * delivery log: what the hardware and database allow at best.
 *   tsx --require ./scripts/server-only.cjs scripts/bench/floor-server.ts --port 3902 --database <url>
 */
import http from "node:http";
import postgres from "postgres";

const arg = (name: string) => process.argv[process.argv.indexOf(`--${name}`) + 1];
const sql = postgres(arg("database")!, { max: 10, onnotice: () => {} });

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", async () => {
    try {
      const uid = new URL(req.url ?? "/", "http://x").searchParams.get("uid") ?? "floor";
      const m = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { id: string; structured?: { title?: string; overview?: string } };
      await sql`
        insert into memories (id, uid, omi_id, title, overview, raw)
        values (${crypto.randomUUID()}, ${uid}, ${m.id}, ${m.structured?.title ?? ""}, ${m.structured?.overview ?? ""}, ${sql.json(m as never)})
        on conflict (uid, owner_user_id, omi_id) do update set title = excluded.title, overview = excluded.overview, raw = excluded.raw`;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    } catch (err) {
      res.writeHead(500).end(String(err));
    }
  });
});
server.listen(Number(arg("port")), "127.0.0.1", () => console.log("floor server ready"));
process.on("SIGTERM", () => server.close(() => void sql.end().then(() => process.exit(0))));
