/**
 * The Auth URL Omi opens as /link?uid=<uid> (and the OAuth App Home URL, with &state=).
 * Says in plain words which Omi account joins which account here, and what happens next.
 */
import { AlertTriangle, Link2 } from "lucide-react";
import { cookies } from "next/headers";
import { LinkFlow } from "@/components/link/link-flow";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { serializeLink } from "@/lib/api/schemas/links";
import { getLink, linkability, maskUid, refusedMessage, uidSchema } from "@/lib/auth/linking";
import { oauthStateCookie, omiOAuthConfigured, stateMatches } from "@/lib/auth/omi-oauth";
import { currentUser } from "@/lib/auth/session";
import { omiApiConfigured } from "@/lib/env";

type Search = { uid?: string | string[]; state?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v.at(-1) : v);

export default async function LinkPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const rawUid = first(search.uid);
  const state = first(search.state);
  const user = await currentUser();

  if (state !== undefined && !stateMatches(state, (await cookies()).get(oauthStateCookie)?.value)) {
    return (
      <Problem title="This Omi sign-in could not be confirmed">
        Omi sent you back here, but not in the browser that started &ldquo;Connect with Omi&rdquo; (or it took longer than 10 minutes).
        Start again from here.
        {omiOAuthConfigured ? (
          <div className="mt-4">
            <ButtonLink href="/link/connect" prefetch={false}>
              Connect with Omi
            </ButtonLink>
          </div>
        ) : null}
      </Problem>
    );
  }

  const parsed = uidSchema.safeParse(rawUid ?? "");
  if (!parsed.success) {
    return (
      <>
        <Heading />
        <Card>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            {rawUid ? "This link's Omi user id does not look right." : "This page links an Omi account to your account here."} Open it from
            the Omi app (the app&rsquo;s setup step opens it with your Omi user id), or connect through Omi below.
          </p>
          <div className="mt-4 flex flex-wrap gap-2">
            {omiOAuthConfigured ? (
              <ButtonLink href="/link/connect" prefetch={false}>
                Connect with Omi
              </ButtonLink>
            ) : null}
            <ButtonLink href={user ? "/settings" : "/sign-in"} variant="secondary">
              {user ? "Go to Settings" : "Sign in"}
            </ButtonLink>
          </div>
        </Card>
      </>
    );
  }

  const uid = parsed.data;
  const masked = maskUid(uid);
  const here = `/link?uid=${encodeURIComponent(uid)}${state ? `&state=${encodeURIComponent(state)}` : ""}`;

  if (!user) {
    return (
      <>
        <Heading />
        <Card aria-labelledby="signed-out-title">
          <h2 id="signed-out-title" className="font-semibold">
            Sign in to link Omi account <span className="font-mono">{masked}</span>
          </h2>
          <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
            Your conversations, live transcript and audio from Omi will show up in the account you choose. New here? Creating an account
            takes a moment; you come straight back to this page.
          </p>
          <div className="mt-5 flex flex-wrap gap-2">
            <ButtonLink href={`/sign-up?next=${encodeURIComponent(here)}`}>Create account</ButtonLink>
            <ButtonLink href={`/sign-in?next=${encodeURIComponent(here)}`} variant="secondary">
              Sign in
            </ButtonLink>
          </div>
        </Card>
      </>
    );
  }

  const [status, existing] = await Promise.all([linkability({ userId: user.id, uid }), getLink({ userId: user.id, uid })]);
  if (status === "refused") {
    return <Problem title={`Omi account ${masked} cannot be linked`}>{refusedMessage}</Problem>;
  }
  return (
    <>
      <Heading />
      <LinkFlow
        uid={uid}
        maskedUid={masked}
        email={user.email ?? "your account"}
        initialLink={existing ? serializeLink(existing) : null}
        canVerify={omiApiConfigured}
      />
    </>
  );
}

function Heading() {
  return (
    <div className="mb-5 flex items-center gap-3">
      <span
        aria-hidden
        className="inline-flex size-10 items-center justify-center rounded-full bg-accent-100 text-accent-700 dark:bg-accent-900/50 dark:text-accent-300"
      >
        <Link2 className="size-5" />
      </span>
      <h1 className="text-2xl font-semibold tracking-tight">Link your Omi account</h1>
    </div>
  );
}

function Problem({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <>
      <Heading />
      <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-5 dark:border-red-900 dark:bg-red-950/40">
        <h2 className="flex items-center gap-2 font-semibold text-red-800 dark:text-red-200">
          <AlertTriangle className="size-4 shrink-0" aria-hidden />
          {title}
        </h2>
        <div className="mt-2 text-sm text-red-800 dark:text-red-200">{children}</div>
      </div>
    </>
  );
}
