/**
 * Runs once when a Next.js server process starts. In Node (not edge): close the
 * database cleanly on SIGTERM/SIGINT (PGlite otherwise runs crash recovery on every
 * restart, since `next start` does not close it) and start in-process scheduled work where no cron exists.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { onServerStart } = await import("./lib/server-lifecycle");
  onServerStart();
}
