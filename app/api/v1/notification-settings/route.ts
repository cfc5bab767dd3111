import { route } from "@/lib/api/handler";
import { notificationSettingsBody, type NotificationSettings } from "@/lib/api/schemas/notifications";
import { omiApiConfigured } from "@/lib/env";
import { getQuietHours, setQuietHours } from "@/lib/notify/queries";
import { notifiableUids } from "@/lib/notify/targets";

async function settings(userId: string): Promise<NotificationSettings> {
  const quiet = await getQuietHours({ userId });
  return { ...quiet, uids: await notifiableUids({ userId }), omiApiConfigured };
}

/** GET: quiet hours, time zone, the uids this account may notify. */
export const GET = route({ auth: "account", needs: "read" }, async ({ user }) => settings(user.id));

/** PATCH {quietHoursStart, quietHoursEnd}: "HH:MM" in the account's time zone, or both null. */
export const PATCH = route({ auth: "account", needs: "write", body: notificationSettingsBody }, async ({ user, body }) => {
  await setQuietHours({ userId: user.id, start: body.quietHoursStart, end: body.quietHoursEnd });
  return settings(user.id);
});
