/** `npm run user -- <reset-password|grant-operator|revoke-operator> <email>`: see scripts/user/cli.ts. */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { commands, runUserCommand } from "./user/cli";

/** Reads a line from the terminal without echoing what is typed. */
function promptHidden(question: string): Promise<string> {
  process.stdout.write(question);
  let muted = true;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question("", (answer) => {
      muted = false;
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

async function main(): Promise<number> {
  try {
    if ((commands as readonly string[]).includes(process.argv[2] ?? "")) {
      const { runMigrations } = await import("@/db/migrate");
      await runMigrations();
    }
    return await runUserCommand(process.argv.slice(2), {
      out: (line) => console.log(line),
      err: (line) => console.error(line),
      promptPassword: process.stdin.isTTY ? promptHidden : undefined,
    });
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    const { closeDb } = await import("@/db/client");
    await closeDb().catch(() => {});
  }
}

process.exit(await main());
