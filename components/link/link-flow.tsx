"use client";

/**
 * The interactive part of /link: "Link", then (with Omi credentials) the code step:
 * a 6-digit code pushed to the Omi app, typed into "Code", checked with "Verify".
 * While Omi says the app is not enabled yet, the code is retried every few seconds.
 */
import { CheckCircle2, Info, Loader2 } from "lucide-react";
import { useCallback, useEffect, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Input } from "@/components/ui/input";
import { ApiError } from "@/lib/api/client";
import { sendLinkCode, startLink, verifyLink } from "@/lib/api/hooks/links";
import type { Link } from "@/lib/api/schemas/links";

type Props = { uid: string; maskedUid: string; email: string; initialLink: Link | null; canVerify: boolean };

const retryEveryMs = 5_000;
const retryForMs = 5 * 60_000;

export function LinkFlow({ uid, maskedUid, email, initialLink, canVerify }: Props) {
  const [link, setLink] = useState<Link | null>(initialLink);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"link" | "send" | "verify" | null>(null);
  const [code, setCode] = useState("");
  const [retryingSince] = useState(() => Date.now());

  const run = useCallback(async (what: "link" | "send" | "verify", fn: () => Promise<Link>) => {
    setBusy(what);
    setError(null);
    try {
      setLink(await fn());
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err.message : "Could not reach Omi Hub. Check your connection and try again.");
      return false;
    } finally {
      setBusy(null);
    }
  }, []);

  // Omi enables the app only after setup-completed says true, which it now does: retry quietly meanwhile.
  const waitingForOmi = link?.status === "unverified" && link.code.state === "failed" && link.code.notEnabled;
  useEffect(() => {
    if (!waitingForOmi || !link || Date.now() - retryingSince > retryForMs) return;
    const timer = setTimeout(() => {
      sendLinkCode(link.id, true)
        .then(setLink)
        .catch(() => {});
    }, retryEveryMs);
    return () => clearTimeout(timer);
  }, [waitingForOmi, link, retryingSince]);

  if (link && link.status !== "unverified") {
    return (
      <Card aria-labelledby="linked-title">
        <h2 id="linked-title" className="flex items-center gap-2 font-semibold text-emerald-700 dark:text-emerald-300">
          <CheckCircle2 className="size-5 shrink-0" aria-hidden />
          {link.status === "verified" ? "Linked and verified" : "Linked"}
        </h2>
        <p className="mt-2 text-sm text-zinc-700 dark:text-zinc-300">
          Omi account <span className="font-mono">{maskedUid}</span> is linked to <strong>{email}</strong>. What Omi sends for it now shows
          up in your dashboard. You can go back to the Omi app.
        </p>
        {link.status === "trusted" ? (
          <p className="mt-3 flex gap-2 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
            <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
            <span>
              This link was not verified: this server has no Omi API credentials to send a code with, so the first account to link an Omi
              account gets it. It lets your rules answer this Omi account; your dashboard shows what arrives through your own webhook URLs.
            </span>
          </p>
        ) : null}
        <div className="mt-5">
          <ButtonLink href="/memories">Open your dashboard</ButtonLink>
        </div>
      </Card>
    );
  }

  if (!link) {
    return (
      <Card aria-labelledby="confirm-title">
        <h2 id="confirm-title" className="font-semibold">
          Link this Omi account?
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-zinc-500">Omi account</dt>
          <dd className="font-mono" title="Your Omi user id, shortened">
            {maskedUid}
          </dd>
          <dt className="text-zinc-500">Joins</dt>
          <dd className="min-w-0 break-all font-medium">{email}</dd>
        </dl>
        <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">
          {canVerify
            ? "Next, we send a 6-digit code to your Omi app to prove the Omi account is yours. Until you type it here, nothing from it is shown."
            : "This server cannot send codes through Omi, so the link is made at once, without verification."}
        </p>
        <FormStatus error={error} />
        <div className="mt-5">
          <Button onClick={() => run("link", () => startLink(uid))} disabled={busy !== null}>
            {busy === "link" ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            Link
          </Button>
        </div>
      </Card>
    );
  }

  return (
    <Card>
      <h2 id="verify-title" className="font-semibold">
        Enter the code from your Omi app
      </h2>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        Linking Omi account <span className="font-mono">{maskedUid}</span> to <strong className="break-all">{email}</strong>.
      </p>
      <div role="status" aria-live="polite" className="mt-4 text-sm">
        {link.code.state === "sent" ? (
          <p className="rounded-lg bg-zinc-100 p-3 dark:bg-zinc-800">
            We sent a 6-digit code to your Omi app; it arrives as a notification. It works for 10 minutes
            {link.attemptsLeft < 5 ? `, ${link.attemptsLeft} ${link.attemptsLeft === 1 ? "try" : "tries"} left` : ""}.
          </p>
        ) : link.code.state === "failed" ? (
          <p className="flex gap-2 rounded-lg bg-amber-50 p-3 text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
            {link.code.notEnabled ? (
              <Loader2 className="mt-0.5 size-4 shrink-0 animate-spin" aria-hidden />
            ) : (
              <Info className="mt-0.5 size-4 shrink-0" aria-hidden />
            )}
            <span>{link.code.explanation}</span>
          </p>
        ) : (
          <p className="rounded-lg bg-zinc-100 p-3 dark:bg-zinc-800">No code has been sent yet.</p>
        )}
      </div>
      <form
        className="mt-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const ok = await run("verify", () => verifyLink(link.id, code));
          if (!ok) setCode("");
        }}
      >
        <Field id="link-code" label="Code" error={error}>
          {(field) => (
            <Input
              {...field}
              size="lg"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
              className="font-mono tracking-[0.3em] tabular"
            />
          )}
        </Field>
        <div className="mt-4 flex flex-wrap gap-2">
          <Button type="submit" disabled={busy !== null || code.length !== 6}>
            {busy === "verify" ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            Verify
          </Button>
          <Button variant="secondary" disabled={busy !== null} onClick={() => run("send", () => sendLinkCode(link.id))}>
            {busy === "send" ? <Loader2 className="size-4 animate-spin" aria-hidden /> : null}
            Send the code again
          </Button>
        </div>
      </form>
      <p className="mt-4 text-xs text-zinc-500">
        The Omi app already counts this step as done; the code proves the Omi account is yours. Until then nothing from it is shown here,
        and nobody else is blocked from linking it.
      </p>
    </Card>
  );
}
