import { route } from "@/lib/api/handler";
import { linkListSchema, serializeLink, startLinkBody } from "@/lib/api/schemas/links";
import { listLinks, startLink } from "@/lib/auth/linking";

export const GET = route({ auth: "account", needs: "read" }, async ({ user }) =>
  linkListSchema.parse({ items: (await listLinks({ userId: user.id })).map(serializeLink) }),
);

/** Starts linking a uid: trusted at once without Omi credentials, else unverified with a code pushed to the uid. */
export const POST = route({ auth: "account", needs: "account", body: startLinkBody }, async ({ user, body }) =>
  serializeLink(await startLink({ userId: user.id, uid: body.uid })),
);
