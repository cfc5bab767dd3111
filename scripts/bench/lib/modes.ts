/**
 * The two ways the app reaches Postgres in production (docs/ARCHITECTURE.md "Pooled
 * mode"), for benchmarks that compare them in one run: direct, and through a real
 * PgBouncer in transaction mode (DATABASE_URL pooled, DATABASE_URL_UNPOOLED direct).
 */
import { pgbouncerBinary, startPgBouncer } from "../../pgbouncer";

export type DatabaseMode = { label: "direct" | "PgBouncer"; env: Record<string, string> };

export async function databaseModes(
  databaseUrl: string,
): Promise<{ modes: DatabaseMode[]; missing: string | null; stop: () => Promise<void> }> {
  const direct: DatabaseMode = { label: "direct", env: { DATABASE_URL: databaseUrl } };
  if (!pgbouncerBinary())
    return { modes: [direct], missing: "PgBouncer is not installed (apt-get install pgbouncer)", stop: async () => {} };
  const bouncer = await startPgBouncer({ upstream: databaseUrl, poolSize: 20 });
  const pooled: DatabaseMode = {
    label: "PgBouncer",
    env: { DATABASE_URL: bouncer.pooledUrlFor(databaseUrl), DATABASE_URL_UNPOOLED: databaseUrl },
  };
  return { modes: [direct, pooled], missing: null, stop: bouncer.stop };
}
