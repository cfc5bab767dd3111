import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth-form";
import { OAuthButtons } from "@/components/oauth-buttons";
import { currentUser } from "@/lib/auth/session";
import { safeNext } from "@/lib/auth/redirects";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNext((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Create account</h1>
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400">Your Omi data stays in your own database.</p>
      <OAuthButtons next={next} />
      <AuthForm mode="sign-up" action={signUpAction} next={next} />
    </>
  );
}
