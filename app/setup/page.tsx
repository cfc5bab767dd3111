import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import { publicBaseUrl } from "@/lib/urls";

export const metadata: Metadata = { title: "Setup guide" };
function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-[0.85em] break-all dark:bg-zinc-800">{children}</code>;
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-xl font-semibold tracking-tight">
        {title}
      </h2>
      <div className="mt-3 space-y-3 text-zinc-700 dark:text-zinc-300">{children}</div>
    </section>
  );
}

function FieldTable({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 dark:border-zinc-800">
      <table className="w-full text-left text-sm">
        <thead className="bg-zinc-50 text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">
              Omi field
            </th>
            <th scope="col" className="px-4 py-2 font-medium">
              What to paste
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 bg-white dark:divide-zinc-800 dark:bg-zinc-950">
          {rows.map(([field, value]) => (
            <tr key={field}>
              <th scope="row" className="px-4 py-2 align-top font-medium whitespace-nowrap">
                {field}
              </th>
              <td className="px-4 py-2">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default async function SetupPage() {
  const base = await publicBaseUrl();
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-3xl items-center justify-between px-6 py-5">
        <Link href="/">
          <Logo />
        </Link>
        <ThemeToggle />
      </header>
      <main className="mx-auto max-w-3xl px-6 pb-24">
        <h1 className="mt-6 text-3xl font-semibold tracking-tight">Connect Omi to Omi Hub</h1>
        <p className="mt-3 text-lg text-zinc-600 dark:text-zinc-400">
          Omi sends data to web addresses (webhooks). There are two ways to point them here: your own <strong>Developer Settings</strong>{" "}
          (just you, every event) or a <strong>published Omi app</strong> (anyone who installs it).
        </p>

        <Section id="before" title="Before you start: a public HTTPS address">
          <p>
            Omi&apos;s servers refuse to deliver to <Code>localhost</Code> or private addresses and do not follow redirects. On Vercel or
            any server with a domain you are set. For a local run, open a tunnel and set <Code>APP_URL</Code> to the address it prints:
          </p>
          <pre className="overflow-x-auto rounded-xl bg-zinc-900 p-4 text-sm text-zinc-100">
            <code>{`# either
npx ngrok http 3000
# or
cloudflared tunnel --url http://localhost:3000

# then, in .env.local
APP_URL=https://<the-tunnel-host>`}</code>
          </pre>
          <p>
            This page currently sees its address as <Code>{base}</Code>.
          </p>
        </Section>

        <Section id="developer" title="Option 1: Developer Settings (recommended for yourself)">
          <ol className="list-decimal space-y-2 pl-5">
            <li>
              <Link href="/sign-up" className="font-medium text-accent-700 underline dark:text-accent-300">
                Create an account
              </Link>{" "}
              here and open <strong>Settings</strong>. Your personal webhook URLs are listed there, each with a copy button. They contain
              your secret token: keep them private.
            </li>
            <li>In the Omi phone app open Settings → Developer Settings (enable Developer Mode first if you have not).</li>
            <li>Paste each URL into its field:</li>
          </ol>
          <FieldTable
            rows={[
              ["Conversation / memory created", <Code key="m">{`${base}/api/webhooks/memory/<your token>`}</Code>],
              ["Real-time transcript", <Code key="r">{`${base}/api/webhooks/realtime/<your token>`}</Code>],
              [
                "Audio bytes",
                <span key="a">
                  <Code>{`${base}/api/webhooks/audio/<your token>`}</Code>. Omi lets you add <Code>,seconds</Code> for how often audio is
                  sent (default 5).
                </span>,
              ],
              ["Day summary", <Code key="d">{`${base}/api/webhooks/day-summary/<your token>`}</Code>],
            ]}
          />
          <p>
            Day summaries arrive <strong>only</strong> through Developer Settings, once a day at the hour you choose in Omi, and only when
            Omi knows your time zone and has a push token for your phone. Audio arrives only while the phone is streaming from the device.
          </p>
          <p>
            Optional: in Omi, issue a webhook signing secret (<Code>whsec_…</Code>) and paste it into Settings here. Signed deliveries are
            then verified, and a bad signature is refused.
          </p>
        </Section>

        <Section id="app" title="Option 2: publish an Omi app (for many people)">
          <p>
            An Omi app has <strong>one</strong> trigger type (memory created, real-time transcript, or audio bytes). Create one app per
            event you want. The server needs <Code>OMI_WEBHOOK_TOKEN</Code> (one secret for every user) together with{" "}
            <Code>OMI_APP_ID</Code> and <Code>OMI_APP_SECRET</Code> (verification codes and notifications).
          </p>
          <FieldTable
            rows={[
              ["Webhook URL", <Code key="w">{`${base}/api/webhooks/<memory|realtime|audio>/<OMI_WEBHOOK_TOKEN>`}</Code>],
              ["Auth URL (auth step)", <Code key="l">{`${base}/link`}</Code>],
              ["Setup completed URL", <Code key="s">{`${base}/api/setup-completed`}</Code>],
              ["App home URL (OAuth)", <Code key="h">{`${base}/link`}</Code>],
            ]}
          />
          <p>
            When someone installs the app, Omi opens the Auth URL with their Omi user id. They sign in here and link it. Omi Hub proves the
            link by pushing a 6-digit code to that person&apos;s phone, so a published app needs the API credentials: with{" "}
            <Code>OMI_WEBHOOK_TOKEN</Code> but without them the server refuses to start, because anyone could otherwise claim anyone&apos;s
            Omi account first.
          </p>
          <p>
            Notifications (and the verification code) reach a person only once they have <strong>enabled the app</strong> in Omi. Omi allows
            about 9 notifications per hour and one every 30 seconds per person.
          </p>
        </Section>

        <Section id="check" title="Check that it works">
          <p>
            Open <strong>Deliveries</strong> in the dashboard: every request Omi makes is listed with its answer. Or press{" "}
            <strong>Send sample data</strong> in Settings to see every page fill before touching your phone.
          </p>
        </Section>
      </main>
    </div>
  );
}
