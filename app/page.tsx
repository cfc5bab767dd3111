import { AudioLines, CalendarDays, Inbox, Radio } from "lucide-react";
import Link from "next/link";
import { Logo } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";
import { ButtonLink } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/session";

const features = [
  { icon: Inbox, title: "Memories", text: "Every conversation Omi finishes, searchable, with transcript, sections and action items." },
  { icon: Radio, title: "Live transcript", text: "Segments stream in as you talk, and resume without gaps after a dropped connection." },
  { icon: AudioLines, title: "Audio", text: "Raw audio assembled into recordings you can play, seek and download as WAV." },
  { icon: CalendarDays, title: "Daily recaps", text: "A calendar of Omi's day summaries, with highlights, decisions and places." },
];

export default async function Home() {
  const user = await currentUser();
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-6xl items-center justify-between px-6 py-5">
        <Logo />
        <nav aria-label="Site" className="flex items-center gap-2">
          <Link
            href="/setup"
            className="rounded-lg px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            Setup guide
          </Link>
          <ThemeToggle />
          {user ? (
            <ButtonLink href="/memories" size="sm">
              Open dashboard
            </ButtonLink>
          ) : (
            <ButtonLink href="/sign-in" variant="secondary" size="sm">
              Sign in
            </ButtonLink>
          )}
        </nav>
      </header>
      <main>
        <section className="mx-auto max-w-6xl px-6 pt-10 pb-16 sm:pt-20">
          <div className="max-w-2xl">
            <h1 className="text-4xl font-semibold tracking-tight sm:text-5xl">Your Omi, in your own dashboard.</h1>
            <p className="mt-5 text-lg text-zinc-600 dark:text-zinc-400">
              Omi Hub receives everything your Omi wearable sends (finished conversations, the live transcript, raw audio and daily recaps),
              keeps it in your own Postgres, and shows it back to you, searchable and playable. It can also push notifications to your
              phone.
            </p>
            <div className="mt-8 flex flex-wrap gap-3">
              {user ? (
                <ButtonLink href="/memories" size="lg">
                  Open dashboard
                </ButtonLink>
              ) : (
                <>
                  <ButtonLink href="/sign-up" size="lg">
                    Create account
                  </ButtonLink>
                  <ButtonLink href="/sign-in" variant="secondary" size="lg">
                    Sign in
                  </ButtonLink>
                </>
              )}
            </div>
          </div>
          <DashboardPreview />
        </section>
        <section aria-labelledby="features" className="border-t border-zinc-200 bg-white py-16 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto max-w-6xl px-6">
            <h2 id="features" className="text-2xl font-semibold tracking-tight">
              Everything Omi sends, kept and shown
            </h2>
            <ul className="mt-8 grid gap-6 sm:grid-cols-2 lg:grid-cols-4">
              {features.map(({ icon: Icon, title, text }) => (
                <li key={title}>
                  <Icon className="size-6 text-accent-600 dark:text-accent-400" aria-hidden />
                  <h3 className="mt-3 font-semibold">{title}</h3>
                  <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
        <section aria-labelledby="connect" className="mx-auto max-w-6xl px-6 py-16">
          <h2 id="connect" className="text-2xl font-semibold tracking-tight">
            Connect Omi in three steps
          </h2>
          <ol className="mt-6 grid gap-6 sm:grid-cols-3">
            {[
              ["Create an account", "Then open Settings: your personal webhook URLs are ready to copy."],
              ["Paste the URLs into Omi", "In the Omi app: Settings → Developer Settings, one URL per event. Or publish an Omi app."],
              ["Talk", "Conversations, the live transcript, audio and recaps appear here as Omi sends them."],
            ].map(([title, text], i) => (
              <li key={title} className="rounded-xl border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
                <span className="tabular text-sm font-semibold text-accent-600 dark:text-accent-400">Step {i + 1}</span>
                <h3 className="mt-1 font-semibold">{title}</h3>
                <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{text}</p>
              </li>
            ))}
          </ol>
          <p className="mt-6 text-sm">
            <Link href="/setup" className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
              Read the full setup guide
            </Link>{" "}
            for published apps, Developer Settings and local tunnels.
          </p>
        </section>
      </main>
      <footer className="border-t border-zinc-200 py-8 text-center text-sm text-zinc-500 dark:border-zinc-800">
        Omi Hub is open source and self-hostable.
      </footer>
    </div>
  );
}

/** A static, screenshot-like picture of the dashboard (no real data on a public page). */
function DashboardPreview() {
  const rows = [
    ["💼", "Roadmap sync with Priya", "Agreed to ship the calendar view first; Priya owns the API review.", "work", "32:10"],
    ["🏃", "Morning run debrief", "Talked through the half-marathon plan and new shoes.", "health", "12:45"],
    ["📚", "Book club: The Dispossessed", "Anarres vs Urras; next month's pick is Piranesi.", "personal", "48:02"],
  ];
  return (
    <div
      aria-hidden
      className="mt-14 overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-xl dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex items-center gap-1.5 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <span className="size-2.5 rounded-full bg-zinc-300 dark:bg-zinc-700" />
        <span className="size-2.5 rounded-full bg-zinc-300 dark:bg-zinc-700" />
        <span className="size-2.5 rounded-full bg-zinc-300 dark:bg-zinc-700" />
      </div>
      <div className="grid sm:grid-cols-[180px_1fr]">
        <div className="hidden space-y-1 border-r border-zinc-200 p-4 text-sm sm:block dark:border-zinc-800">
          {["Memories", "Action items", "Live", "Audio", "Calendar"].map((l, i) => (
            <div
              key={l}
              className={`rounded-md px-2 py-1.5 ${i === 0 ? "bg-accent-50 font-medium text-accent-700 dark:bg-accent-900/40 dark:text-accent-200" : "text-zinc-500"}`}
            >
              {l}
            </div>
          ))}
        </div>
        <div className="space-y-3 p-4">
          <div className="h-9 rounded-lg border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-950" />
          {rows.map(([emoji, title, overview, category, duration]) => (
            <div key={title} className="flex items-start gap-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
              <span className="text-xl">{emoji}</span>
              <div className="min-w-0 flex-1">
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{title}</span>
                  <span className="tabular text-xs text-zinc-500">{duration}</span>
                </div>
                <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{overview}</p>
                <span className="mt-1 inline-block rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                  {category}
                </span>
              </div>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
