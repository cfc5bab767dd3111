import Link from "next/link";
import { Logo } from "@/components/logo";
import { ThemeToggle } from "@/components/theme-toggle";

/** The signed-out frame (sign-in, create account, the Auth URL page): logo, theme toggle, one centred column. */
export function CenteredShell({ children, width = "sm" }: { children: React.ReactNode; width?: "sm" | "md" }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex items-center justify-between px-6 py-4">
        <Link href="/">
          <Logo />
        </Link>
        <ThemeToggle />
      </header>
      <main id="main" className="flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:pt-16">
        <div className={`w-full ${width === "md" ? "max-w-md" : "max-w-sm"}`}>{children}</div>
      </main>
    </div>
  );
}
