"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import type { FormState } from "@/app/(auth)/actions";

type Props = {
  mode: "sign-in" | "sign-up";
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  next: string;
};

const field =
  "mt-1 block h-10 w-full rounded-lg border border-zinc-300 bg-white px-3 text-sm shadow-sm focus:border-accent-500 focus:outline-none focus:ring-2 focus:ring-accent-500/30 dark:border-zinc-700 dark:bg-zinc-900";

export function AuthForm({ mode, action, next }: Props) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const [timeZone, setTimeZone] = useState("");
  useEffect(() => setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  const signUp = mode === "sign-up";
  const other = signUp ? "/sign-in" : "/sign-up";
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="timeZone" value={timeZone} />
      {state?.error ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
          {state.error}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="text-sm font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state?.email}
          aria-invalid={state?.fieldErrors?.email ? true : undefined}
          aria-describedby={state?.fieldErrors?.email ? "email-error" : undefined}
          className={field}
        />
        {state?.fieldErrors?.email ? (
          <p id="email-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {state.fieldErrors.email}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="text-sm font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={signUp ? "new-password" : "current-password"}
          required
          minLength={signUp ? 8 : undefined}
          aria-invalid={state?.fieldErrors?.password ? true : undefined}
          aria-describedby={state?.fieldErrors?.password ? "password-error" : signUp ? "password-hint" : undefined}
          className={field}
        />
        {state?.fieldErrors?.password ? (
          <p id="password-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
            {state.fieldErrors.password}
          </p>
        ) : signUp ? (
          <p id="password-hint" className="mt-1 text-xs text-zinc-500">
            At least 8 characters.
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="h-10 w-full rounded-lg bg-accent-600 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60 dark:bg-accent-500 dark:text-zinc-950 dark:hover:bg-accent-400"
      >
        {pending ? (signUp ? "Creating account…" : "Signing in…") : signUp ? "Create account" : "Sign in"}
      </button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {signUp ? "Already have an account? " : "New here? "}
        <Link href={`${other}?next=${encodeURIComponent(next)}`} className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300">
          {signUp ? "Sign in" : "Create account"}
        </Link>
      </p>
    </form>
  );
}
