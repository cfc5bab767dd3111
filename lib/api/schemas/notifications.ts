/**
 * Request and response shapes of the notifications API, shared by the routes and the
 * /notifications page. Rule bodies are checked against their declared scopes here, so
 * a template that reaches outside them is refused (422 naming the placeholder) whether
 * it comes from the page or a script.
 */
import { z } from "zod";
import { dataScopes, notificationChannels, notificationStatuses, notificationTypes, ruleModes } from "@/lib/constants";
import { hhmm } from "@/lib/notify/quiet-hours";
import { promptProblem, templateProblem } from "@/lib/notify/scopes";
import { isLiveTrigger, scopeReadBy, triggerSchema } from "@/lib/notify/trigger-schema";

export const maxMessageLength = 500;

// ─── POST /api/notifications/send ────────────────────────────────────────────

/** A path inside this app ("/memories/abc"), never another site ("//evil", "https://…"). */
export const deepLinkSchema = z
  .string()
  .max(300)
  .regex(/^\/(?![/\\])[^\s]*$/, "Use a relative path in this app that starts with a single /, e.g. /memories/abc123");

export const sendBody = z.object({
  user_id: z.string().trim().min(1, "Give the Omi user id (user_id)").max(200),
  type: z.enum(notificationTypes, { message: `Use one of: ${notificationTypes.join(", ")}` }),
  message: z.string().trim().min(1, "The message is empty").max(maxMessageLength, `At most ${maxMessageLength} characters`),
  data: z.object({ deep_link: deepLinkSchema.optional() }).optional(),
});
export type SendBody = z.infer<typeof sendBody>;

export const sendAnswer = z.object({ id: z.string(), status: z.enum(notificationStatuses) });

// ─── The log ─────────────────────────────────────────────────────────────────

export const notificationSchema = z.object({
  id: z.string(),
  uid: z.string(),
  type: z.enum(notificationTypes),
  message: z.string(),
  ruleId: z.string().nullable(),
  ruleName: z.string().nullable(),
  channel: z.enum(notificationChannels),
  status: z.enum(notificationStatuses),
  /** Why it is held or failed, in words. */
  reason: z.string().nullable(),
  attempts: z.number().int(),
  omiStatus: z.number().int().nullable(),
  omiResponse: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationView = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({ items: z.array(notificationSchema), nextCursor: z.string().nullable() });

export const notificationListQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(notificationStatuses).optional(),
});

// ─── Rules ───────────────────────────────────────────────────────────────────

const scopesSchema = z
  .array(z.enum(dataScopes))
  .max(dataScopes.length)
  .transform((s) => [...new Set(s)]);

const ruleFields = z.object({
  name: z.string().trim().min(1, "Give the rule a name").max(80),
  enabled: z.boolean().default(true),
  trigger: triggerSchema,
  scopes: scopesSchema,
  mode: z.enum(ruleModes).default("template"),
  template: z.string().trim().max(maxMessageLength).nullish(),
  prompt: z.string().trim().max(4000).nullish(),
});

/** A whole rule, checked against its scopes. */
export const ruleBody = ruleFields.superRefine((rule, ctx) => {
  const needed = scopeReadBy(rule.trigger.kind);
  if (!rule.scopes.includes(needed)) {
    ctx.addIssue({
      code: "custom",
      path: ["scopes"],
      message: `This trigger reads the ${needed.replace("_", " ")}: declare the ${needed} scope`,
    });
  }
  if (rule.mode === "template") {
    if (!rule.template) {
      ctx.addIssue({ code: "custom", path: ["template"], message: "Write the message template" });
      return;
    }
    const problem = templateProblem(rule.template, rule.scopes);
    if (problem) ctx.addIssue({ code: "custom", path: ["template"], message: problem });
  } else {
    if (!isLiveTrigger(rule.trigger)) {
      ctx.addIssue({ code: "custom", path: ["mode"], message: "Only live-transcript triggers can ask Omi to write the message" });
    }
    if (!rule.prompt) {
      ctx.addIssue({ code: "custom", path: ["prompt"], message: "Write the prompt for Omi" });
      return;
    }
    const problem = promptProblem(rule.prompt, rule.scopes);
    if (problem) ctx.addIssue({ code: "custom", path: ["prompt"], message: problem });
  }
});
export type RuleBody = z.infer<typeof ruleBody>;
export type RuleInput = z.input<typeof ruleBody>;

/** PATCH: any fields; merged with the stored rule and checked whole. */
export const rulePatchBody = z
  .object({
    name: z.unknown(),
    enabled: z.unknown(),
    trigger: z.unknown(),
    scopes: z.unknown(),
    mode: z.unknown(),
    template: z.unknown(),
    prompt: z.unknown(),
  })
  .partial()
  .strict();

export const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  trigger: triggerSchema,
  description: z.string(),
  scopes: z.array(z.enum(dataScopes)),
  mode: z.enum(ruleModes),
  template: z.string().nullable(),
  prompt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RuleView = z.infer<typeof ruleSchema>;
export const ruleListSchema = z.object({ items: z.array(ruleSchema) });

/** "Test against a sample": what the rule would send, without sending. */
export const ruleTestAnswer = z.object({
  mode: z.enum(ruleModes),
  message: z.string().nullable(),
  notification: z.object({ prompt: z.string(), params: z.array(z.string()) }).nullable(),
  /** The sample data the rule could read (its declared scopes only). */
  data: z.record(z.string(), z.string()),
  /** Keyword/pattern rules tested with a sample sentence: what matched, or null; absent otherwise. */
  matched: z.string().nullable().optional(),
});

export const ruleTestBody = z.object({ rule: ruleBody, sampleText: z.string().max(2000).optional() });

// ─── Settings ────────────────────────────────────────────────────────────────

export const notificationSettingsSchema = z.object({
  quietHoursStart: z.string().nullable(),
  quietHoursEnd: z.string().nullable(),
  timeZone: z.string(),
  /** uids this account may notify by hand (verified or trusted links). */
  uids: z.array(z.object({ uid: z.string(), nickname: z.string().nullable() })),
  omiApiConfigured: z.boolean(),
});
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

const hhmmOrNull = z.string().regex(hhmm, "Use HH:MM, e.g. 22:00").nullable();
export const notificationSettingsBody = z
  .object({ quietHoursStart: hhmmOrNull, quietHoursEnd: hhmmOrNull })
  .refine((v) => (v.quietHoursStart === null) === (v.quietHoursEnd === null), {
    path: ["quietHoursEnd"],
    message: "Set both the start and the end of quiet hours, or neither",
  });
