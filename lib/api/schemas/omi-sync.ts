/**
 * Shapes of the Omi Developer API sync routes (/api/v1/omi-sync/…, /api/v1/facts,
 * /api/v1/deliveries/missed), shared by the routes and the dashboard.
 */
import { z } from "zod";
import { omiSyncPhases } from "@/lib/constants";
import { emptyToUndefined } from "./params";

export const omiKeyPattern = /^omi_dev_[A-Za-z0-9_-]{8,200}$/;

/** PUT /api/v1/omi-sync/links/{linkId} */
export const connectKeyBody = z.object({
  key: z
    .string()
    .trim()
    .min(1, "Paste your Omi Developer API key")
    .max(300, "That is longer than any Omi key")
    .refine((k) => !k.startsWith("omi_mcp_"), "This is an Omi MCP key; the Developer API needs a Developer API key (omi_dev_…)")
    .refine((k) => omiKeyPattern.test(k), "An Omi Developer API key starts with omi_dev_ (Omi app → Settings → Developer → API keys)"),
});

export const syncCountsSchema = z.object({
  conversationsRead: z.number().int(),
  conversationsCreated: z.number().int(),
  conversationsUpdated: z.number().int(),
  conversationsSkipped: z.number().int(),
  actionItemsRead: z.number().int(),
  actionItemsMatched: z.number().int(),
  actionItemsChanged: z.number().int(),
  ticksSent: z.number().int(),
  factsRead: z.number().int(),
  missing: z.number().int(),
  calls: z.number().int(),
});
export type SyncCounts = z.infer<typeof syncCountsSchema>;

export const syncJobSchema = z.object({
  id: z.string(),
  kind: z.enum(["import", "reconcile"]),
  state: z.enum(["queued", "running", "waiting", "done", "failed", "cancelled"]),
  phase: z.enum(omiSyncPhases),
  active: z.boolean(),
  totalConversations: z.number().int().nullable(),
  /** 0..1 over the whole job, null while the conversations are being counted. */
  progress: z.number().nullable(),
  counts: syncCountsSchema,
  /** Why it waits: rate_limited (Omi's 429), budget (our hourly budget), unavailable (Omi or network), retry (storing failed). */
  waitReason: z.string().nullable(),
  /** When the next step may run (while waiting). */
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  notes: z.array(z.string()),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type SyncJob = z.infer<typeof syncJobSchema>;

export const omiConnectionSchema = z.object({
  id: z.string(),
  keyPrefix: z.string(),
  keyName: z.string().nullable(),
  /** From Omi's self-check; null when Omi did not say (its default is read-only). */
  scopes: z.array(z.string()).nullable(),
  /** Ticks here go to Omi: true, false, or null when unknown until the first try. */
  canWriteActionItems: z.boolean().nullable(),
  evidence: z.enum(["app_conversation", "own_conversation", "nothing_held"]),
  status: z.enum(["active", "invalid"]),
  statusMessage: z.string().nullable(),
  connectedAt: z.string(),
  lastReconcileAt: z.string().nullable(),
  nextReconcileAt: z.string().nullable(),
  activeJob: syncJobSchema.nullable(),
  lastImport: syncJobSchema.nullable(),
  lastReconcile: syncJobSchema.nullable(),
});
export type OmiConnection = z.infer<typeof omiConnectionSchema>;

/** GET /api/v1/omi-sync/links: each verified or trusted link, with its key when one is connected. */
export const omiSyncOverviewSchema = z.object({
  links: z.array(
    z.object({
      linkId: z.string(),
      uid: z.string(),
      nickname: z.string().nullable(),
      status: z.enum(["verified", "trusted"]),
      connection: omiConnectionSchema.nullable(),
    }),
  ),
});
export type OmiSyncOverview = z.infer<typeof omiSyncOverviewSchema>;

// ─── Facts (Omi's "memories") ────────────────────────────────────────────────

export const factSchema = z.object({
  id: z.string(),
  uid: z.string(),
  omiId: z.string(),
  content: z.string(),
  category: z.string().nullable(),
  tags: z.array(z.string()),
  manuallyAdded: z.boolean(),
  reviewed: z.boolean(),
  present: z.boolean(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type Fact = z.infer<typeof factSchema>;

export const factListSchema = z.object({ items: z.array(factSchema), nextCursor: z.string().nullable(), categories: z.array(z.string()) });

export const factListQuerySchema = z.object({
  q: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(200).optional()),
  category: z.preprocess(emptyToUndefined, z.string().max(60).optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(500).optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type FactListQuery = z.infer<typeof factListQuerySchema>;

// ─── What a reconcile found missing ──────────────────────────────────────────

export const missedConversationSchema = z.object({
  id: z.string(),
  uid: z.string(),
  omiId: z.string(),
  memoryId: z.string().nullable(),
  title: z.string(),
  omiCreatedAt: z.string().nullable(),
  foundAt: z.string(),
});

/** GET /api/v1/deliveries/missed */
export const missedListSchema = z.object({
  /** Found in the last `days` days. */
  total: z.number().int(),
  days: z.number().int(),
  items: z.array(missedConversationSchema),
});
export const missedQuerySchema = z.object({
  days: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(365).default(30)),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(20)),
});
