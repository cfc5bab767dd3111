import { z } from "zod";
import { linkStatuses } from "@/lib/constants";
import type { LinkView } from "@/lib/auth/linking";

/** A linked Omi uid as /api/v1/links answers it. */
export const linkSchema = z.object({
  id: z.string(),
  uid: z.string(),
  status: z.enum(linkStatuses),
  nickname: z.string().nullable(),
  createdAt: z.string(),
  verifiedAt: z.string().nullable(),
  code: z.discriminatedUnion("state", [
    z.object({ state: z.literal("none") }),
    z.object({ state: z.literal("sent"), sentAt: z.string() }),
    z.object({ state: z.literal("failed"), sentAt: z.string(), explanation: z.string(), notEnabled: z.boolean() }),
  ]),
  codeExpiresAt: z.string().nullable(),
  attemptsLeft: z.number().int(),
});
export type Link = z.infer<typeof linkSchema>;

export const linkListSchema = z.object({ items: z.array(linkSchema) });

export const startLinkBody = z.object({ uid: z.string() });
export const sendCodeBody = z.object({ automatic: z.boolean().optional() }).optional();
export const verifyCodeBody = z.object({ code: z.string().max(20) });
export const updateLinkBody = z.object({ nickname: z.string().max(60, "Use at most 60 characters").nullable() });

export function serializeLink(view: LinkView): Link {
  const code: Link["code"] =
    view.code.state === "none"
      ? { state: "none" }
      : view.code.state === "sent"
        ? { state: "sent", sentAt: view.code.sentAt.toISOString() }
        : { state: "failed", sentAt: view.code.sentAt.toISOString(), explanation: view.code.explanation, notEnabled: view.code.notEnabled };
  return {
    id: view.id,
    uid: view.uid,
    status: view.status,
    nickname: view.nickname,
    createdAt: view.createdAt.toISOString(),
    verifiedAt: view.verifiedAt?.toISOString() ?? null,
    code,
    codeExpiresAt: view.codeExpiresAt?.toISOString() ?? null,
    attemptsLeft: view.attemptsLeft,
  };
}

/** DELETE answers. */
export const okSchema = z.object({ ok: z.literal(true) });
