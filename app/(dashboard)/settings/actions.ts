"use server";

import { deleteAccount } from "@/lib/accounts/account";
import { AppError } from "@/lib/api/errors";
import { signOut } from "@/lib/auth/auth";
import { currentUser } from "@/lib/auth/session";

/** Deletes the signed-in account (server actions check the Origin themselves) and signs out. */
export async function deleteAccountAction(confirmEmail: string): Promise<{ error: string } | undefined> {
  const user = await currentUser();
  if (!user) return { error: "You are signed out already." };
  try {
    await deleteAccount({ userId: user.id, confirmEmail: String(confirmEmail) });
  } catch (err) {
    if (err instanceof AppError) return { error: err.message };
    throw err;
  }
  await signOut({ redirectTo: "/" });
}
