/**
 * A real PgBouncer in transaction mode in front of a Postgres server, for tests and
 * benchmarks of pooled mode (docs/ARCHITECTURE.md "Pooled mode"): the same kind of
 * pooler Neon, Supabase (Supavisor) and RDS Proxy put in front of Postgres.
 *
 *   npx tsx scripts/pgbouncer.ts --port 6432 [--upstream postgres://postgres@127.0.0.1:5432/postgres]
 *
 * prints the pooled base URL and runs until killed. `startPgBouncer()` does the same for
 * code. PgBouncer refuses to run as root, so as root it runs as the `postgres` user with
 * its files in a folder that user owns. Debian: `apt-get install pgbouncer`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export type PgBouncer = {
  /** Base URL through the pooler (same user and database as the upstream URL). */
  url: string;
  port: number;
  /** Replaces the host and port of a direct URL with the pooler's, keeping user, password and database. */
  pooledUrlFor: (directUrl: string) => string;
  stop: () => Promise<void>;
};

export function pgbouncerBinary(): string | null {
  for (const candidate of ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"]) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(port: number, child: ChildProcess, log: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) break;
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  const tail = existsSync(log) ? readFileSync(log, "utf8").split("\n").slice(-10).join("\n") : "(no log)";
  throw new Error(`PgBouncer did not start on port ${port}:\n${tail}`);
}

export async function startPgBouncer({
  upstream = "postgres://postgres@127.0.0.1:5432/postgres",
  port,
  poolSize = 20,
}: { upstream?: string; port?: number; poolSize?: number } = {}): Promise<PgBouncer> {
  const binary = pgbouncerBinary();
  if (!binary) throw new Error("PgBouncer is not installed (Debian: apt-get install pgbouncer)");
  const up = new URL(upstream);
  const listenPort = port ?? (await freePort());
  const dir = mkdtempSync(path.join(tmpdir(), "omihub-pgbouncer-"));
  const ini = path.join(dir, "pgbouncer.ini");
  const users = path.join(dir, "users.txt");
  const log = path.join(dir, "pgbouncer.log");
  // Every database name is forwarded to the upstream server, so tests can create one per file.
  writeFileSync(
    ini,
    [
      "[databases]",
      `* = host=${up.hostname} port=${up.port || 5432}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${listenPort}`,
      `unix_socket_dir = ${dir}`,
      "auth_type = trust",
      `auth_file = ${users}`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 1000",
      "ignore_startup_parameters = extra_float_digits",
      "server_reset_query =",
      `logfile = ${log}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  writeFileSync(users, `"${decodeURIComponent(up.username || "postgres")}" ""\n`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const pg = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    const gid = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
    const uid = Number(pg.stdout.trim());
    if (pg.status !== 0 || !Number.isInteger(uid))
      throw new Error("PgBouncer refuses to run as root, and there is no postgres user to run it as");
    for (const f of [dir, ini, users]) chownSync(f, uid, Number(gid.stdout.trim()));
    chmodSync(dir, 0o700);
  }
  const child = asRoot
    ? spawn("su", ["postgres", "-s", "/bin/sh", "-c", `exec ${binary} ${ini}`], { stdio: "ignore", detached: true })
    : spawn(binary, [ini], { stdio: "ignore", detached: true });
  await waitForPort(listenPort, child, log);

  const pooledUrlFor = (directUrl: string) => {
    const u = new URL(directUrl);
    u.hostname = "127.0.0.1";
    u.port = String(listenPort);
    return u.toString();
  };
  return {
    url: pooledUrlFor(upstream),
    port: listenPort,
    pooledUrlFor,
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((r) => child.once("exit", r));
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {}
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const bouncer = await startPgBouncer({ upstream: arg("upstream"), port: arg("port") ? Number(arg("port")) : undefined });
  console.log(bouncer.url);
  const stop = () => void bouncer.stop().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
