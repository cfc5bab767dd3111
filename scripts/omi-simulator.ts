/**
 * Omi simulator CLI: sends exactly what Omi sends, to this app or any URL.
 *
 *   npm run omi -- <memory|live|audio|day-summary|button|all> --url <URL> --uid <uid> [options]
 *
 * --url      the app's base URL with --token, or a webhook URL from Settings
 *            (http://localhost:3000/api/webhooks/memory/ohw_…: the event part is swapped
 *            per event), or a template with {event}
 * --token    webhook token, when --url is the base URL
 * --uid      Omi user id sent as ?uid=
 * --secret   whsec_… signing secret: requests carry X-Omi-Signature
 * --legacy   old senders: "?uid=" appended even after a "?"; day summary without summary_json
 * --count N          memories to send (default 1)
 * --segments N       live segments (default 8), one call every --interval-ms (default 1000)
 * --seconds N        seconds of generated tone (default 10), or --wav file.wav (16-bit PCM)
 * --burst N          audio burst length in seconds (default 5; also the pause between bursts)
 * --date YYYY-MM-DD  day summary date (default today)
 * --no-retry         do not retry 5xx like Omi does
 */
import { parseArgs } from "node:util";
import { sendAll, sendAudio, sendButton, sendDaySummary, sendMemory, streamLive, type SentRequest, type SimTarget } from "./simulator";

const commands = ["memory", "live", "audio", "day-summary", "button", "all"] as const;
type Command = (typeof commands)[number];

function usage(message?: string): never {
  if (message) console.error(`omi simulator: ${message}\n`);
  console.error(
    "Usage: npm run omi -- <memory|live|audio|day-summary|button|all> --url <URL> --uid <uid> [--token T] [--secret whsec_…] [--legacy]\n" +
      "       [--count N] [--segments N] [--interval-ms MS] [--seconds N | --wav FILE] [--burst N] [--date YYYY-MM-DD] [--no-retry]\n" +
      "Example: npm run omi -- all --url http://localhost:3000 --token ohw_… --uid my-omi-uid",
  );
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    url: { type: "string" },
    token: { type: "string" },
    uid: { type: "string" },
    secret: { type: "string" },
    legacy: { type: "boolean", default: false },
    count: { type: "string" },
    segments: { type: "string" },
    "interval-ms": { type: "string" },
    seconds: { type: "string" },
    wav: { type: "string" },
    burst: { type: "string" },
    date: { type: "string" },
    "no-retry": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) usage();
const command = positionals[0] as Command | undefined;
if (!command || !commands.includes(command)) usage(command ? `unknown command "${command}"` : "say what to send");
if (!values.url) usage("--url is required");
if (!values.uid) usage("--uid is required");

const num = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) usage(`--${name} must be a number`);
  return n;
};

const target: SimTarget = {
  baseUrl: values.url,
  token: values.token,
  uid: values.uid,
  secret: values.secret,
  legacy: values.legacy,
  retries: !values["no-retry"],
  log: (line) => console.log(line),
};
const options = {
  ...target,
  count: num(values.count, "count"),
  segments: num(values.segments, "segments"),
  intervalMs: num(values["interval-ms"], "interval-ms"),
  seconds: num(values.seconds, "seconds"),
  wavFile: values.wav,
  burstSeconds: num(values.burst, "burst"),
  date: values.date,
};

const requests: SentRequest[] = [];
switch (command) {
  case "memory":
    requests.push(...(await sendMemory(options)).requests);
    break;
  case "live":
    requests.push(...(await streamLive(options)).requests);
    break;
  case "audio":
    requests.push(...(await sendAudio(options)).requests);
    break;
  case "day-summary":
    requests.push(...(await sendDaySummary(options)).requests);
    break;
  case "button":
    requests.push(...(await sendButton(options)).requests);
    break;
  case "all": {
    const all = await sendAll(options);
    for (const part of Object.values(all)) requests.push(...part.requests);
    break;
  }
}

const failed = requests.filter((r) => r.status < 200 || r.status >= 300);
console.log(`${requests.length} requests, ${requests.length - failed.length} answered 2xx, ${failed.length} failed`);
process.exit(failed.length ? 1 : 0);
