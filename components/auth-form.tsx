"use client";

import Link from "next/link";
import { useActionState, useEffect, useState } from "react";
import type { FormState } from "@/app/(auth)/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Props = {
  mode: "sign-in" | "sign-up";
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  next: string;
};

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
        <p
          role="alert"
          className="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200"
        >
          {state.error}
        </p>
      ) : null}
      <Field id="email" label="Email" error={state?.fieldErrors?.email}>
        {(field) => <Input {...field} name="email" type="email" autoComplete="email" required defaultValue={state?.email} />}
      </Field>
      <Field
        id="password"
        label="Password"
        hint={signUp && !state?.fieldErrors?.password ? "At least 8 characters." : null}
        error={state?.fieldErrors?.password}
      >
        {(field) => (
          <Input
            {...field}
            name="password"
            type="password"
            autoComplete={signUp ? "new-password" : "current-password"}
            required
            minLength={signUp ? 8 : undefined}
          />
        )}
      </Field>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? (signUp ? "Creating account…" : "Signing in…") : signUp ? "Create account" : "Sign in"}
      </Button>
      <p className="text-center text-sm text-zinc-600 dark:text-zinc-400">
        {signUp ? "Already have an account? " : "New here? "}
        <Link
          href={`${other}?next=${encodeURIComponent(next)}`}
          className="font-medium text-accent-700 underline-offset-2 hover:underline dark:text-accent-300"
        >
          {signUp ? "Sign in" : "Create account"}
        </Link>
      </p>
    </form>
  );
}
