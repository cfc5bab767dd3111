import { deleteAccount, getAccount, setTimeZone, type AccountSettings } from "@/lib/accounts/account";
import { route } from "@/lib/api/handler";
import { accountSchema, deleteAccountBody, updateAccountBody, type AccountJson } from "@/lib/api/schemas/account";

const serialize = (a: AccountSettings): AccountJson => accountSchema.parse({ ...a, createdAt: a.createdAt.toISOString() });

export const GET = route({ auth: "account", needs: "read" }, async ({ user }) => serialize(await getAccount({ userId: user.id })));

export const PATCH = route({ auth: "account", needs: "account", body: updateAccountBody }, async ({ user, body }) => {
  if (body.timeZone !== undefined) await setTimeZone({ userId: user.id, timeZone: body.timeZone });
  return serialize(await getAccount({ userId: user.id }));
});

/** Deletes the account and everything it owns; the body repeats the email as confirmation. */
export const DELETE = route({ auth: "account", needs: "account", body: deleteAccountBody }, async ({ user, body }) => {
  await deleteAccount({ userId: user.id, confirmEmail: body.confirmEmail });
  return { ok: true };
});
