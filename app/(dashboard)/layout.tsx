import Link from "next/link";
import { redirect } from "next/navigation";
import { BottomNav, SideNav } from "@/components/app-nav";
import { Logo } from "@/components/logo";
import { Providers } from "@/components/providers";
import { SignOutButton } from "@/components/sign-out-button";
import { ThemeToggle } from "@/components/theme-toggle";
import { currentUser } from "@/lib/auth/session";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  return (
    <Providers>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        Skip to content
      </a>
      <div className="flex min-h-dvh">
        {/* The outer column carries the rail's background down the whole page; the inner one stays in view. */}
        <div className="hidden w-60 shrink-0 border-r border-zinc-200 bg-white md:block dark:border-zinc-800 dark:bg-zinc-900">
          <aside className="sticky top-0 flex h-dvh flex-col px-3 py-4">
            <Link href="/memories" className="mb-6 px-3">
              <Logo />
            </Link>
            <nav aria-label="Main" className="flex-1">
              <SideNav />
            </nav>
            <div className="mt-4 border-t border-zinc-200 px-3 pt-4 dark:border-zinc-800">
              <p className="truncate text-xs text-zinc-500" title={user.email ?? undefined}>
                {user.email}
              </p>
              <div className="mt-2 flex items-center justify-between">
                <SignOutButton />
                <ThemeToggle />
              </div>
            </div>
          </aside>
        </div>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-20 flex items-center justify-between border-b border-zinc-200 bg-white/90 px-4 py-2 backdrop-blur md:hidden dark:border-zinc-800 dark:bg-zinc-900/90">
            <Link href="/memories">
              <Logo />
            </Link>
            <div className="flex items-center gap-1">
              <ThemeToggle />
              <SignOutButton compact />
            </div>
          </header>
          <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 pt-6 pb-24 md:px-8 md:pb-10">
            {children}
          </main>
          <nav
            aria-label="Main"
            className="fixed inset-x-0 bottom-0 z-20 border-t border-zinc-200 bg-white/95 backdrop-blur md:hidden dark:border-zinc-800 dark:bg-zinc-900/95"
          >
            <BottomNav />
          </nav>
        </div>
      </div>
    </Providers>
  );
}
