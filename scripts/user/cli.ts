/**
 * Admin commands for accounts, run by whoever runs the server: passwords are reset here
 * (there is no mail server), and operator rights are granted and revoked here only
 * (never by an address typed into a form). Kept apart from the entry point so tests can
 * run it against a test database.
 */
import { randomBytes } from "node:crypto";
import { emailSchema, passwordSchema, setOperator, setPassword } from "@/lib/accounts/users";

export type CliIo = {
  out: (line: string) => void;
  err: (line: string) => void;
  /** Asks for a password without echoing it; undefined when there is no terminal. */
  promptPassword?: (question: string) => Promise<string>;
};

export const usage = `Usage:
  npm run user -- reset-password <email> [--password <new password>]
  npm run user -- grant-operator <email>
  npm run user -- revoke-operator <email>

Without --password you are asked for one (on a terminal), or one is generated and printed.
Operators also see, in Deliveries, requests for Omi accounts nobody has verified and
requests without a valid token (metadata only).`;

export const commands = ["reset-password", "grant-operator", "revoke-operator"] as const;

/** Runs one command; returns the process exit code (0 ok, 1 failed, 2 usage). */
export async function runUserCommand(args: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = args;
  if (!command || command === "help" || command === "--help" || command === "-h") {
    io.out(usage);
    return command ? 0 : 2;
  }
  if (!(commands as readonly string[]).includes(command)) {
    io.err(`Unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  if (command === "grant-operator" || command === "revoke-operator") return operatorCommand(command, rest, io);

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
  const email = oneEmail(positional, io);
  if (email === null) return 2;

  let generated = false;
  if (password === undefined && io.promptPassword) {
    password = await io.promptPassword(`New password for ${email}: `);
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

  if (!(await setPassword({ email, password: valid.data }))) {
    io.err(`No account with the email ${email}. Nothing was changed.`);
    return 1;
  }
  io.out(generated ? `Password for ${email} reset. New password: ${password}` : `Password for ${email} reset.`);
  io.out("Sessions already signed in stay signed in until they sign out or expire.");
  return 0;
}

/** The one email argument, normalised; null (after saying why) when it is missing or not an email. */
function oneEmail(args: string[], io: CliIo): string | null {
  if (args.length !== 1) {
    io.err(`Give exactly one email.\n\n${usage}`);
    return null;
  }
  const email = emailSchema.safeParse(args[0]);
  if (!email.success) {
    io.err(`"${args[0]}" is not an email address.`);
    return null;
  }
  return email.data;
}

async function operatorCommand(command: "grant-operator" | "revoke-operator", args: string[], io: CliIo): Promise<number> {
  const email = oneEmail(args, io);
  if (email === null) return 2;
  const operator = command === "grant-operator";
  if (!(await setOperator({ email, operator }))) {
    io.err(`No account with the email ${email}. Nothing was changed.`);
    return 1;
  }
  io.out(operator ? `${email} is now an operator.` : `${email} is no longer an operator.`);
  return 0;
}
