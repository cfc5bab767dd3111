/**
 * Sending a notification to the person's phone through Omi, only to an Omi account this
 * account has a verified (or trusted) link to. It goes through lib/notify's own send
 * path, so Omi's limits (one per 30 s, nine per UTC hour), quiet hours and the log apply.
 */
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AppError } from "@/lib/api/errors";
import { deepLinkSchema, sendBody } from "@/lib/api/schemas/notifications";
import { notifiableUids } from "@/lib/notify/targets";
import { sendNow } from "@/lib/notify/send";
import { addTool, link, type McpContext } from "./context";

/** The uid to notify: the one given, or the only verified one. */
async function targetUid(ctx: McpContext, given: string | undefined): Promise<string> {
  if (given) return given;
  const uids = await notifiableUids({ userId: ctx.user.id });
  if (uids.length === 1) return uids[0]!.uid;
  if (uids.length === 0)
    throw new AppError("not_found", "No verified Omi account is linked to this Omi Hub account; link one in Settings first");
  throw new AppError("bad_request", `Several Omi accounts are linked; give uid, one of: ${uids.map((u) => u.uid).join(", ")}`);
}

export function registerNotifyTools(server: McpServer, ctx: McpContext): void {
  addTool(
    server,
    ctx,
    {
      name: "send_notification",
      title: "Send a notification",
      description:
        "Pushes a short message to the person's phone through Omi. Only to a linked, verified Omi account (`uid`; may be " +
        "omitted when there is one). Omi's limits apply: at most one per 30 s and nine per hour; the same text is not sent " +
        "twice within 10 minutes; quiet hours hold it. The answer says sent, held (and why), queued or failed.",
      needs: "notify",
      readOnly: false,
      openWorld: true,
      input: {
        message: sendBody.shape.message.describe("The text, at most 500 characters"),
        uid: sendBody.shape.user_id.optional().describe("The Omi account (uid) to notify"),
        type: sendBody.shape.type.default("custom"),
        deep_link: deepLinkSchema.optional().describe("A path in Omi Hub to add as a link, e.g. /memories/<id>"),
      },
    },
    async (args) => {
      const uid = await targetUid(ctx, args.uid);
      const body = sendBody.parse({
        user_id: uid,
        type: args.type,
        message: args.message,
        data: args.deep_link ? { deep_link: args.deep_link } : undefined,
      });
      const row = await sendNow({ caller: { kind: "account", userId: ctx.user.id }, body, baseUrl: ctx.baseUrl });
      return { id: row.id, uid, status: row.status, reason: row.reason, url: link(ctx, "/notifications") };
    },
  );
}
