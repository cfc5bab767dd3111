import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { OAuthButtons } from "@/components/oauth-buttons";
import { currentUser } from "@/lib/auth/session";
import { safeNext } from "@/lib/auth/redirects";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">Welcome back to Omi Hub.</p>
      <OAuthButtons next={next} />
      <AuthForm mode="sign-in" action={signInAction} next={next} />
    </>
  );
}
