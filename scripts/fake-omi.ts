/** CLI: `tsx --require ./scripts/server-only.cjs scripts/fake-omi.ts --port 3199 [--app-id e2e-app] [--api-key e2e-app-secret]` */
import { startFakeOmi } from "./fake-omi/server";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

const fake = await startFakeOmi({
  port: Number(arg("port") ?? 3199),
  appId: arg("app-id") ?? "e2e-app",
  apiKey: arg("api-key") ?? "e2e-app-secret",
});
console.log(`fake Omi API listening on ${fake.url}`);
const stop = () => void fake.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
