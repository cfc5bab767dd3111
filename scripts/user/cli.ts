/**
 * Operator commands for accounts (there is no mail server, so passwords are reset here).
 * Kept apart from the entry point so tests can run it against a test database.
 */
import { randomBytes } from "node:crypto";
import { passwordSchema, setPassword, emailSchema } from "@/lib/accounts/users";

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks for a password without echoing it; undefined when there is no terminal. */
  promptPassword?: (question: string) => Promise<string>;
};

export const usage = `Usage:
  npm run user -- reset-password <email> [--password <new password>]

Without --password you are asked for one (on a terminal), or one is generated and printed.`;

/** Runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runUserCommand(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.out(usage);
    return command ? 0 : 2;
  }
  if (command !== "reset-password") {
    io.err(`Unknown command "${command}".\n\n${usage}`);
    return 2;
  }

  const positional: string[] = [];
  let password: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--password") {
      password = rest[++i];
      if (password === undefined) {
        io.err("--password needs a value.");
        return 2;
      }
    } else if (arg.startsWith("--password=")) {
      password = arg.slice("--password=".length);
    } else {
      positional.push(arg);
    }
  }
  if (positional.length !== 1) {
    io.err(`Give exactly one email.\n\n${usage}`);
    return 2;
  }
  const email = emailSchema.safeParse(positional[0]);
  if (!email.success) {
    io.err(`"${positional[0]}" is not an email address.`);
    return 2;
  }

  let generated = false;
  if (password === undefined && io.promptPassword) {
    password = await io.promptPassword(`New password for ${email.data}: `);
    const again = await io.promptPassword("Type it again: ");
    if (again !== password) {
      io.err("The two passwords differ; nothing was changed.");
      return 1;
    }
  }
  if (password === undefined) {
    password = randomBytes(12).toString("base64url");
    generated = true;
  }
  const valid = passwordSchema.safeParse(password);
  if (!valid.success) {
    io.err(`Password not accepted: ${valid.error.issues[0]?.message ?? "invalid"}. Nothing was changed.`);
    return 1;
  }

  if (!(await setPassword({ email: email.data, password: valid.data }))) {
    io.err(`No account with the email ${email.data}. Nothing was changed.`);
    return 1;
  }
  io.out(generated ? `Password for ${email.data} reset. New password: ${password}` : `Password for ${email.data} reset.`);
  io.out("Sessions already signed in stay signed in until they sign out or expire.");
  return 0;
}
