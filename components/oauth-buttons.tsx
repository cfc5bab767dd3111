import { oauthProviders, signIn } from "@/lib/auth/auth";
import { safeNext } from "@/lib/auth/redirects";

/** GitHub / Google buttons, only for the providers whose env vars are set. */
export function OAuthButtons({ next }: { next: string }) {
  if (oauthProviders.length === 0) return null;
  return (
    <div className="mb-6 space-y-2">
      {oauthProviders.map((p) => (
        <form
          key={p.id}
          action={async () => {
            "use server";
            await signIn(p.id, { redirectTo: safeNext(next) });
          }}
        >
          <button
            type="submit"
            className="h-10 w-full rounded-lg border border-zinc-300 bg-white text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
          >
            Continue with {p.name}
          </button>
        </form>
      ))}
      <p className="pt-2 text-center text-xs uppercase tracking-wide text-zinc-500">or with email</p>
    </div>
  );
}
