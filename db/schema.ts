/**
 * The whole database in one file, types beside the tables.
 *
 * Ownership (docs/ARCHITECTURE.md "Identity and ownership"): every data row has the Omi `uid`
 * it came for and `ownerUserId`, set when it arrived through an account's personal
 * webhook token and null when it arrived through the app-wide token. Upsert keys
 * include the owner (NULLS NOT DISTINCT), so a personal-token sender can never
 * overwrite rows that belong to someone else's app-token data for the same uid.
 */
import "server-only";
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  deliveryAuthKinds,
  linkStatuses,
  notificationChannels,
  notificationStatuses,
  notificationTypes,
  ruleModes,
  signatureResults,
  omiSyncPhases,
  webhookEvents,
  type DataScope,
} from "@/lib/constants";

import type { TokenScope } from "@/lib/auth/token-scopes";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
});
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const ownerUserId = () => text("owner_user_id").references(() => users.id, { onDelete: "cascade" });

// ─── Accounts (Auth.js tables plus our own columns) ──────────────────────────

export const users = pgTable("users", {
  id: id(),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: tstz("email_verified"),
  image: text("image"),
  /** scrypt hash "scrypt$N$r$p$salt$hash"; null for OAuth-only accounts. */
  passwordHash: text("password_hash"),
  /** IANA zone, from the browser at sign-up, editable in Settings. */
  timeZone: text("time_zone").notNull().default("UTC"),
  /** Personal Omi signing secret (whsec_…), encrypted at rest. */
  signingSecretEnc: text("signing_secret_enc"),
  /** Quiet hours for notifications, "HH:MM" in timeZone; both null = none. */
  quietHoursStart: text("quiet_hours_start"),
  quietHoursEnd: text("quiet_hours_end"),
  /** Delete audio older than this many days; null keeps it. */
  audioRetentionDays: integer("audio_retention_days"),
  /** Operators also see deliveries nobody owns (metadata only). Set only by `npm run user -- grant-operator`. */
  isOperator: boolean("is_operator").notNull().default(false),
  createdAt: createdAt(),
});
export type User = typeof users.$inferSelect;

export const authAccounts = pgTable(
  "auth_accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] })],
);

export const authSessions = pgTable("auth_sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: tstz("expires").notNull(),
});

export const authVerificationTokens = pgTable(
  "auth_verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: tstz("expires").notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/** Fixed-window counters for sign-in attempts (per email, per IP) and similar limits. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: tstz("window_start").notNull(),
  count: integer("count").notNull(),
});

// ─── Linking Omi uids, tokens ────────────────────────────────────────────────

export const omiLinks = pgTable(
  "omi_links",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    /** unverified: code pending, sees nothing; verified: proven by code; trusted: no Omi credentials to verify with. */
    status: text("status", { enum: linkStatuses }).notNull(),
    nickname: text("nickname"),
    codeHash: text("code_hash"),
    codeExpiresAt: tstz("code_expires_at"),
    codeAttempts: integer("code_attempts").notNull().default(0),
    codeSentAt: tstz("code_sent_at"),
    /** Last answer from Omi when pushing the code (e.g. "app not enabled yet"). */
    codeDeliveryError: text("code_delivery_error"),
    createdAt: createdAt(),
    verifiedAt: tstz("verified_at"),
  },
  (t) => [
    uniqueIndex("omi_links_user_uid").on(t.userId, t.uid),
    // At most one account owns a uid for real.
    uniqueIndex("omi_links_owned_uid")
      .on(t.uid)
      .where(sql`status in ('verified', 'trusted')`),
    index("omi_links_uid").on(t.uid),
  ],
);
export type OmiLink = typeof omiLinks.$inferSelect;

/** Personal webhook token: one per account, shown again in Settings, so encrypted (not hashed). */
export const webhookTokens = pgTable("webhook_tokens", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** sha256 hex of the token, for lookup. */
  tokenHash: text("token_hash").notNull().unique(),
  tokenEnc: text("token_enc").notNull(),
  createdAt: createdAt(),
});

/** Personal API tokens for /api/v1 and /api/notifications/send: shown once, stored hashed. */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** First characters, to recognise a token in the list. */
    prefix: text("prefix").notNull(),
    /** What the token may do (lib/auth/token-scopes.ts). Tokens older than scopes got all four. */
    scopes: text("scopes").array().$type<TokenScope[]>().notNull(),
    /** After this instant the token is refused as expired; null: it never expires. */
    expiresAt: tstz("expires_at"),
    lastUsedAt: tstz("last_used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("api_tokens_user").on(t.userId)],
);
export type ApiToken = typeof apiTokens.$inferSelect;

// ─── Delivery log ────────────────────────────────────────────────────────────

export const deliveries = pgTable(
  "deliveries",
  {
    id: id(),
    event: text("event", { enum: webhookEvents }).notNull(),
    uid: text("uid"),
    ownerUserId: ownerUserId(),
    /** How the request proved itself: app token, personal token, signature only, or not at all. */
    auth: text("auth", { enum: deliveryAuthKinds }).notNull(),
    signature: text("signature", { enum: signatureResults }).notNull(),
    deliveryKey: text("delivery_key"),
    status: integer("status").notNull(),
    /** Stored, duplicate, or the error code we answered with. */
    outcome: text("outcome").notNull(),
    errorMessage: text("error_message"),
    errorDetails: jsonb("error_details"),
    latencyMs: doublePrecision("latency_ms").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    contentType: text("content_type"),
    /** Path and query with tokens redacted. */
    target: text("target").notNull(),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    /** Raw JSON body text of an authenticated request, capped; null for audio and unauthenticated ones. */
    body: text("body"),
    bodyTruncated: boolean("body_truncated").notNull().default(false),
    /** Audio: the stored chunk, so a replay can re-run it. */
    audioChunkId: bigint("audio_chunk_id", { mode: "number" }),
    response: jsonb("response"),
    replayOf: text("replay_of"),
    receivedAt: createdAt(),
  },
  (t) => [
    index("deliveries_owner_time").on(t.ownerUserId, t.receivedAt),
    index("deliveries_uid_time").on(t.uid, t.receivedAt),
    index("deliveries_time").on(t.receivedAt),
  ],
);
export type Delivery = typeof deliveries.$inferSelect;

/**
 * Webhook requests refused before authentication (no valid token or signature),
 * counted per client address, event and minute instead of one delivery row each:
 * anyone can send them, so they must not be able to fill the database.
 */
export const webhookRefusals = pgTable(
  "webhook_refusals",
  {
    minute: tstz("minute").notNull(),
    address: text("address").notNull(),
    event: text("event", { enum: webhookEvents }).notNull(),
    status: integer("status").notNull(),
    count: integer("count").notNull().default(1),
    /** Bytes the senders declared (Content-Length), summed; the bodies themselves are not read. */
    declaredBytes: bigint("declared_bytes", { mode: "number" }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.minute, t.address, t.event, t.status] }), index("webhook_refusals_minute").on(t.minute)],
);
export type WebhookRefusal = typeof webhookRefusals.$inferSelect;

/** Delivery keys already ingested, scoped to who sent them; inserted inside the ingest transaction. */
export const deliveryKeys = pgTable(
  "delivery_keys",
  {
    event: text("event").notNull(),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    key: text("key").notNull(),
    deliveryId: text("delivery_id"),
    createdAt: createdAt(),
  },
  (t) => [unique("delivery_keys_unique").on(t.event, t.uid, t.ownerUserId, t.key).nullsNotDistinct()],
);

// ─── Memories (Omi "conversations") ──────────────────────────────────────────

export const memories = pgTable(
  "memories",
  {
    id: id(),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    omiId: text("omi_id").notNull(),
    title: text("title").notNull().default(""),
    overview: text("overview").notNull().default(""),
    emoji: text("emoji").notNull().default("🧠"),
    category: text("category").notNull().default("other"),
    source: text("source"),
    language: text("language"),
    folderName: text("folder_name"),
    discarded: boolean("discarded").notNull().default(false),
    startedAt: tstz("started_at"),
    finishedAt: tstz("finished_at"),
    omiCreatedAt: tstz("omi_created_at"),
    /** Segments' text joined, for search and snippets. */
    transcriptText: text("transcript_text").notNull().default(""),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(overview, '')), 'B') || setweight(to_tsvector('simple', left(coalesce(transcript_text, ''), 200000)), 'C')`,
    ),
    actionItemCount: integer("action_item_count").notNull().default(0),
    /** The time lists sort and filter by: when it started, else when Omi or we first saw it. */
    listedAt: timestamp("listed_at", { withTimezone: true, mode: "date" })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(started_at, omi_created_at, created_at)`),
    durationSeconds: doublePrecision("duration_seconds"),
    /** Omi's payload exactly as received (normalised shapes live in the columns). */
    raw: jsonb("raw").notNull(),
    /** Times Omi sent this memory. */
    revisions: integer("revisions").notNull().default(1),
    receivedAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("memories_uid_owner_omi").on(t.uid, t.ownerUserId, t.omiId).nullsNotDistinct(),
    index("memories_uid_time").on(t.uid, t.startedAt, t.id),
    index("memories_owner_time").on(t.ownerUserId, t.startedAt, t.id),
    index("memories_search").using("gin", t.searchVector),
    // Keyset paging of the list, one index per visibility branch (lib/memories/queries.ts).
    index("memories_owner_listed").on(t.ownerUserId, t.listedAt.desc(), t.id.desc()),
    index("memories_app_uid_listed")
      .on(t.uid, t.listedAt.desc(), t.id.desc())
      .where(sql`owner_user_id is null`),
    // GET /api/v1/memories?omiId= and the Developer API import/reconcile look memories up by Omi's id.
    index("memories_omi_id").on(t.omiId),
  ],
);
export type Memory = typeof memories.$inferSelect;

export const memorySegments = pgTable(
  "memory_segments",
  {
    memoryId: text("memory_id")
      .notNull()
      .references(() => memories.id, { onDelete: "cascade" }),
    idx: integer("idx").notNull(),
    segmentId: text("segment_id"),
    text: text("text").notNull(),
    speaker: text("speaker"),
    speakerId: integer("speaker_id"),
    speakerName: text("speaker_name"),
    isUser: boolean("is_user").notNull().default(false),
    personId: text("person_id"),
    start: doublePrecision("start").notNull(),
    end: doublePrecision("end").notNull(),
  },
  (t) => [primaryKey({ columns: [t.memoryId, t.idx] }), index("memory_segments_segment").on(t.segmentId)],
);
export type MemorySegment = typeof memorySegments.$inferSelect;

export const actionItems = pgTable(
  "action_items",
  {
    id: id(),
    memoryId: text("memory_id")
      .notNull()
      .references(() => memories.id, { onDelete: "cascade" }),
    idx: integer("idx").notNull(),
    description: text("description").notNull(),
    /** As Omi last sent it. */
    completedOmi: boolean("completed_omi").notNull().default(false),
    /** What the person set here; wins over Omi's value and survives re-sends. Null: not touched here. */
    completedLocal: boolean("completed_local"),
    completedLocalAt: tstz("completed_local_at"),
    dueAt: tstz("due_at"),
    raw: jsonb("raw"),
    /** False when Omi's latest copy of the memory no longer lists it (kept, not deleted, so nothing is lost). */
    present: boolean("present").notNull().default(true),
    /** Omi's action-item id, learned from the Developer API (webhook copies carry none). */
    omiId: text("omi_id"),
    /** Omi's updated_at as last read from the Developer API: a later one means Omi changed the item. */
    omiUpdatedAt: tstz("omi_updated_at"),
    /** The person's tick still to be sent to Omi (pending), sent, or refused (failed, with the reason). */
    omiPush: text("omi_push", { enum: ["pending", "sent", "failed"] }),
    omiPushError: text("omi_push_error"),
  },
  (t) => [
    // One item per description in a memory (re-sends update it, so a tick survives). Keyed
    // by the description's md5: a btree entry holds at most ~2.7 KB, and a description of a
    // few KB that does not compress made the whole delivery fail (migration 0009).
    uniqueIndex("action_items_memory_description_md5").on(t.memoryId, sql`md5(${t.description})`),
    index("action_items_memory").on(t.memoryId, t.idx),
    index("action_items_push_pending")
      .on(t.memoryId)
      .where(sql`omi_push = 'pending'`),
  ],
);
export type ActionItem = typeof actionItems.$inferSelect;

/** Who changed an action item's completion, and when: the item's history ("latest change wins"). */
export const actionItemChanges = pgTable(
  "action_item_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    actionItemId: text("action_item_id")
      .notNull()
      .references(() => actionItems.id, { onDelete: "cascade" }),
    /** hub: ticked here; omi: changed in Omi (read back through the Developer API). */
    source: text("source", { enum: ["hub", "omi"] }).notNull(),
    completed: boolean("completed").notNull(),
    /** When the change was made (Omi's updated_at for Omi's changes). */
    at: tstz("at").notNull(),
    /** What happened to it, in words: "sent to Omi", "Omi's later change won", … */
    note: text("note"),
  },
  (t) => [index("action_item_changes_item").on(t.actionItemId, t.at)],
);
export type ActionItemChange = typeof actionItemChanges.$inferSelect;

// ─── Live transcript ─────────────────────────────────────────────────────────

/** One per (uid, owner): the gap-safe sequence counter for that stream of segments. */
export const liveStreams = pgTable(
  "live_streams",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    /** Bumped inside every ingest transaction that changes a segment: commits in sequence order. */
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
  },
  (t) => [unique("live_streams_uid_owner").on(t.uid, t.ownerUserId).nullsNotDistinct()],
);

export const liveSessions = pgTable(
  "live_sessions",
  {
    id: id(),
    streamId: bigint("stream_id", { mode: "number" })
      .notNull()
      .references(() => liveStreams.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    startedAt: tstz("started_at").notNull(),
    lastSegmentAt: tstz("last_segment_at").notNull(),
    segmentCount: integer("segment_count").notNull().default(0),
    /** The memory whose transcript holds this session's segment ids, once it arrives. */
    memoryId: text("memory_id").references(() => memories.id, { onDelete: "set null" }),
  },
  (t) => [index("live_sessions_stream_time").on(t.streamId, t.lastSegmentAt)],
);
export type LiveSession = typeof liveSessions.$inferSelect;

export const transcriptSegments = pgTable(
  "transcript_segments",
  {
    id: id(),
    streamId: bigint("stream_id", { mode: "number" })
      .notNull()
      .references(() => liveStreams.id, { onDelete: "cascade" }),
    sessionId: text("session_id")
      .notNull()
      .references(() => liveSessions.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    /** Omi's segment id, or one derived from (start, speaker, text) when Omi sent none. */
    segmentId: text("segment_id").notNull(),
    text: text("text").notNull(),
    speaker: text("speaker"),
    speakerId: integer("speaker_id"),
    speakerName: text("speaker_name"),
    isUser: boolean("is_user").notNull().default(false),
    personId: text("person_id"),
    start: doublePrecision("start").notNull(),
    end: doublePrecision("end").notNull(),
    /** Sequence number of the latest change (new or grown). */
    seq: bigint("seq", { mode: "number" }).notNull(),
    raw: jsonb("raw").notNull(),
    firstSeenAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("transcript_segments_key").on(t.uid, t.ownerUserId, t.segmentId).nullsNotDistinct(),
    index("transcript_segments_stream_seq").on(t.streamId, t.seq),
    index("transcript_segments_session").on(t.sessionId, t.firstSeenAt),
  ],
);
export type TranscriptSegment = typeof transcriptSegments.$inferSelect;

// ─── Audio ───────────────────────────────────────────────────────────────────

export type AudioGap = { atByte: number; atSeconds: number; missingSeconds: number };

export const recordings = pgTable(
  "recordings",
  {
    id: id(),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    sampleRate: integer("sample_rate").notNull(),
    startedAt: tstz("started_at").notNull(),
    /** Arrival time of the latest chunk. */
    lastChunkAt: tstz("last_chunk_at").notNull(),
    /** PCM bytes (without the WAV header). */
    byteLength: bigint("byte_length", { mode: "number" }).notNull().default(0),
    chunkCount: integer("chunk_count").notNull().default(0),
    gaps: jsonb("gaps").$type<AudioGap[]>().notNull().default([]),
    /** Waveform peaks, one unsigned byte per bucket of samples, kept up to date as chunks arrive. */
    peaks: bytea("peaks"),
    /**
     * True when a chunk arrived whose peaks could not be merged in place (its bucket
     * alignment was guessed wrong, lib/audio/peaks.ts): the next read recomputes them.
     */
    peaksStale: boolean("peaks_stale").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("recordings_uid_time").on(t.uid, t.startedAt), index("recordings_owner_time").on(t.ownerUserId, t.startedAt)],
);
export type Recording = typeof recordings.$inferSelect;

export const audioChunks = pgTable(
  "audio_chunks",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    recordingId: text("recording_id")
      .notNull()
      .references(() => recordings.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    /** Offset of this chunk's first PCM byte within the recording. */
    byteOffset: bigint("byte_offset", { mode: "number" }).notNull(),
    byteLength: integer("byte_length").notNull(),
    sampleRate: integer("sample_rate").notNull(),
    receivedAt: tstz("received_at").notNull().defaultNow(),
    data: bytea("data").notNull(),
  },
  (t) => [index("audio_chunks_recording_offset").on(t.recordingId, t.byteOffset)],
);
export type AudioChunk = typeof audioChunks.$inferSelect;

// ─── Day summaries ───────────────────────────────────────────────────────────

export const daySummaries = pgTable(
  "day_summaries",
  {
    id: id(),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    date: date("date", { mode: "string" }).notNull(),
    headline: text("headline"),
    overview: text("overview"),
    dayEmoji: text("day_emoji"),
    totalConversations: integer("total_conversations"),
    totalDurationMinutes: doublePrecision("total_duration_minutes"),
    /** Omi's summary object as parsed (summary_json, or the legacy string parsed), keys as Omi sends them. */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    /** True when only the legacy Python-literal `summary` string was sent. */
    fromLegacy: boolean("from_legacy").notNull().default(false),
    raw: jsonb("raw").notNull(),
    receivedAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [unique("day_summaries_uid_owner_date").on(t.uid, t.ownerUserId, t.date).nullsNotDistinct()],
);
export type DaySummary = typeof daySummaries.$inferSelect;

// ─── Button events (shape unconfirmed: kept whole) ───────────────────────────

export const buttonEvents = pgTable(
  "button_events",
  {
    id: id(),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    body: jsonb("body").notNull(),
    receivedAt: createdAt(),
  },
  (t) => [index("button_events_uid_time").on(t.uid, t.receivedAt)],
);

// ─── Notifications ───────────────────────────────────────────────────────────

export const notificationRules = pgTable(
  "notification_rules",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** { kind: "keyword" | "regex" | "long_session" | "tone" | "memory" | "day_summary", ...params } */
    trigger: jsonb("trigger").$type<Record<string, unknown>>().notNull(),
    scopes: jsonb("scopes").$type<DataScope[]>().notNull(),
    /** template: we render the message; omi_prompt: Omi writes it from a prompt. */
    mode: text("mode", { enum: ruleModes }).notNull().default("template"),
    template: text("template"),
    prompt: text("prompt"),
    createdAt: createdAt(),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [index("notification_rules_user").on(t.userId)],
);
export type NotificationRule = typeof notificationRules.$inferSelect;

/** What a rule has already judged (e.g. a segment id), so a re-sent segment never fires twice. */
export const ruleFirings = pgTable(
  "rule_firings",
  {
    ruleId: text("rule_id")
      .notNull()
      .references(() => notificationRules.id, { onDelete: "cascade" }),
    subjectKey: text("subject_key").notNull(),
    firedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.ruleId, t.subjectKey] })],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    type: text("type", { enum: notificationTypes }).notNull(),
    message: text("message").notNull(),
    ruleId: text("rule_id").references(() => notificationRules.id, { onDelete: "set null" }),
    /** How it goes out: Omi's notification API, or the realtime webhook's reply. */
    channel: text("channel", { enum: notificationChannels }).notNull().default("api"),
    status: text("status", { enum: notificationStatuses }).notNull(),
    reason: text("reason"),
    attempts: integer("attempts").notNull().default(0),
    omiStatus: integer("omi_status"),
    omiResponse: text("omi_response"),
    nextAttemptAt: tstz("next_attempt_at"),
    /** Set while one process is calling Omi for this row (the claim that stops a second send). */
    claimedAt: tstz("claimed_at"),
    /** When Omi's X-RateLimit headers (or a 429) said this uid's hourly budget is spent: held until then. */
    rateLimitedUntil: tstz("rate_limited_until"),
    sentAt: tstz("sent_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_time").on(t.userId, t.createdAt), index("notifications_uid_time").on(t.uid, t.createdAt)],
);
export type Notification = typeof notifications.$inferSelect;

// ─── Omi Developer API: connected keys, sync jobs, facts, reconcile findings ──

export const omiSyncBuckets = ["conversations", "conversation", "transcripts", "action_items", "action_item_writes", "facts"] as const;
export type OmiSyncBucket = (typeof omiSyncBuckets)[number];
/** Calls made in the current UTC hour per bucket, and Omi's Retry-After per bucket. */
export type OmiKeyBudget = {
  hour?: string;
  used?: Partial<Record<OmiSyncBucket, number>>;
  blockedUntil?: Partial<Record<OmiSyncBucket, string>>;
};

/**
 * A person's Omi Developer API key (omi_dev_…) for one of their linked uids: encrypted
 * at rest and never shown again. Removing the link removes the key and its jobs.
 */
export const omiDevKeys = pgTable(
  "omi_dev_keys",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    linkId: text("link_id")
      .notNull()
      .unique()
      .references(() => omiLinks.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    keyEnc: text("key_enc").notNull(),
    /** To recognise the key: Omi's key_prefix when its self-check answers, else the first characters. */
    keyPrefix: text("key_prefix").notNull(),
    omiKeyId: text("omi_key_id"),
    omiKeyName: text("omi_key_name"),
    /** Scopes from Omi's self-check; null when it is not available (Omi's default is read-only). */
    scopes: jsonb("scopes").$type<string[]>(),
    /** How the key was matched to the uid when it was connected (lib/omi-sync/evidence.ts). */
    evidence: text("evidence", { enum: ["app_conversation", "own_conversation", "nothing_held"] }).notNull(),
    /** invalid: Omi stopped accepting the key (401); a new one must be pasted. */
    status: text("status", { enum: ["active", "invalid"] })
      .notNull()
      .default("active"),
    statusMessage: text("status_message"),
    budget: jsonb("budget").$type<OmiKeyBudget>().notNull().default({}),
    lastReconcileAt: tstz("last_reconcile_at"),
    nextReconcileAt: tstz("next_reconcile_at"),
    createdAt: createdAt(),
  },
  (t) => [index("omi_dev_keys_user").on(t.userId), index("omi_dev_keys_next_reconcile").on(t.nextReconcileAt)],
);
export type OmiDevKey = typeof omiDevKeys.$inferSelect;

export const omiSyncJobStates = ["queued", "running", "waiting", "done", "failed", "cancelled"] as const;
export const omiSyncActiveStates = ["queued", "running", "waiting"] as const;

/**
 * An import (all history) or a reconcile (the recent window) for one key, advanced in
 * bounded steps of one Developer API call each (lib/omi-sync/steps.ts), so it survives
 * restarts and runs on short-lived functions. At most one active job per key.
 */
export const omiSyncJobs = pgTable(
  "omi_sync_jobs",
  {
    id: id(),
    keyId: text("key_id")
      .notNull()
      .references(() => omiDevKeys.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    kind: text("kind", { enum: ["import", "reconcile"] }).notNull(),
    state: text("state", { enum: omiSyncJobStates }).notNull().default("queued"),
    phase: text("phase", { enum: omiSyncPhases }).notNull(),
    /** Conversations created in [windowStart, windowEnd] (Omi's created_at); the end is fixed so new ones do not shift the offsets. */
    windowStart: tstz("window_start"),
    windowEnd: tstz("window_end").notNull(),
    /** Where each phase is (offsets, date slices): lib/omi-sync/job-shapes.ts. */
    cursor: jsonb("cursor").$type<Record<string, unknown>>().notNull().default({}),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    /** Conversations Omi holds in the window (counted first, for the progress bar); null until known. */
    totalConversations: integer("total_conversations"),
    /** Why it is waiting: rate_limited (Omi's 429), budget (our hourly budget), unavailable (Omi or network). */
    waitReason: text("wait_reason"),
    lastError: text("last_error"),
    /** Notes for the person: phases Omi did not allow (missing scope), conversations skipped. */
    notes: jsonb("notes").$type<string[]>().notNull().default([]),
    failures: integer("failures").notNull().default(0),
    nextAttemptAt: tstz("next_attempt_at").notNull().defaultNow(),
    leaseToken: text("lease_token"),
    leaseUntil: tstz("lease_until"),
    createdAt: createdAt(),
    finishedAt: tstz("finished_at"),
    updatedAt: tstz("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("omi_sync_jobs_due")
      .on(t.nextAttemptAt)
      .where(sql`state in ('queued', 'running', 'waiting')`),
    uniqueIndex("omi_sync_jobs_one_active")
      .on(t.keyId)
      .where(sql`state in ('queued', 'running', 'waiting')`),
    index("omi_sync_jobs_key_time").on(t.keyId, t.createdAt),
    index("omi_sync_jobs_user_time").on(t.userId, t.createdAt),
  ],
);
export type OmiSyncJob = typeof omiSyncJobs.$inferSelect;

/**
 * Omi's "memories" in Omi's words: facts Omi learned about the person (not the hub's
 * conversation memories). Read-only copies, written only by the account's own key.
 */
export const omiFacts = pgTable(
  "omi_facts",
  {
    id: id(),
    uid: text("uid").notNull(),
    ownerUserId: ownerUserId(),
    omiId: text("omi_id").notNull(),
    content: text("content").notNull(),
    category: text("category"),
    visibility: text("visibility"),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    manuallyAdded: boolean("manually_added").notNull().default(false),
    reviewed: boolean("reviewed").notNull().default(false),
    edited: boolean("edited").notNull().default(false),
    omiCreatedAt: tstz("omi_created_at"),
    omiUpdatedAt: tstz("omi_updated_at"),
    raw: jsonb("raw").notNull(),
    /** False once Omi no longer lists it (deleted or rejected in Omi); kept, not deleted. */
    present: boolean("present").notNull().default(true),
    firstSeenAt: createdAt(),
    lastSeenAt: tstz("last_seen_at").notNull().defaultNow(),
  },
  (t) => [
    unique("omi_facts_uid_owner_omi").on(t.uid, t.ownerUserId, t.omiId).nullsNotDistinct(),
    index("omi_facts_owner_time").on(t.ownerUserId, t.omiCreatedAt),
  ],
);
export type OmiFact = typeof omiFacts.$inferSelect;

/** Conversations a reconcile found in Omi that webhooks never delivered (shown on Deliveries). */
export const omiSyncFindings = pgTable(
  "omi_sync_findings",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    jobId: text("job_id").references(() => omiSyncJobs.id, { onDelete: "set null" }),
    memoryId: text("memory_id").references(() => memories.id, { onDelete: "cascade" }),
    omiId: text("omi_id").notNull(),
    title: text("title").notNull().default(""),
    omiCreatedAt: tstz("omi_created_at"),
    foundAt: createdAt(),
  },
  (t) => [unique("omi_sync_findings_user_omi").on(t.userId, t.uid, t.omiId), index("omi_sync_findings_user_time").on(t.userId, t.foundAt)],
);
export type OmiSyncFinding = typeof omiSyncFindings.$inferSelect;
