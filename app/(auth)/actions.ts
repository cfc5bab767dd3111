"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { AppError } from "@/lib/api/errors";
import { createUser, emailSchema, passwordSchema } from "@/lib/accounts/users";
import { signIn, signOut } from "@/lib/auth/auth";
import { safeNext } from "@/lib/auth/redirects";

export type FormState = { error?: string; fieldErrors?: Record<string, string>; email?: string } | undefined;

export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const email = String(form.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(form.get("password") ?? ""),
      redirectTo: safeNext(form.get("next")),
    });
  } catch (err) {
    if (err instanceof AuthError) {
      const code = (err as AuthError & { code?: string }).code;
      return {
        email,
        error: code === "rate_limited" ? "Too many sign-in attempts. Wait a few minutes and try again." : "Wrong email or password",
      };
    }
    throw err; // the redirect that signIn throws on success
  }
}

const signUpInput = z.object({ email: emailSchema, password: passwordSchema, timeZone: z.string().max(64).optional() });

export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = signUpInput.safeParse({
    email: form.get("email"),
    password: form.get("password"),
    timeZone: form.get("timeZone") || undefined,
  });
  const email = String(form.get("email") ?? "");
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { email, fieldErrors };
  }
  try {
    await createUser(parsed.data);
  } catch (err) {
    if (err instanceof AppError && err.code === "conflict") return { email, error: err.message };
    throw err;
  }
  await signIn("credentials", {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: safeNext(form.get("next")),
  });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}
