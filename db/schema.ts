/**
 * The whole database in one file, types beside the tables.
 *
 * Ownership (DESIGN.md "Identity and ownership"): every data row has the Omi `uid`
 * it came for and `ownerUserId`, set when it arrived through an account's personal
 * webhook token and null when it arrived through the app-wide token. Upsert keys
 * include the owner (NULLS NOT DISTINCT), so a personal-token sender can never
 * overwrite rows that belong to someone else's app-token data for the same uid.
 */
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
    status: text("status", { enum: ["unverified", "verified", "trusted"] }).notNull(),
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
    uniqueIndex("omi_links_owned_uid").on(t.uid).where(sql`status in ('verified', 'trusted')`),
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

export const webhookEvents = ["memory", "realtime", "audio", "day-summary", "button"] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

export const deliveries = pgTable(
  "deliveries",
  {
    id: id(),
    event: text("event", { enum: webhookEvents }).notNull(),
    uid: text("uid"),
    ownerUserId: ownerUserId(),
    /** How the request proved itself: app token, personal token, signature only, or not at all. */
    auth: text("auth", { enum: ["app", "personal", "signature", "none"] }).notNull(),
    signature: text("signature", { enum: ["valid", "invalid", "stale", "absent", "unchecked"] }).notNull(),
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
    index("memories_app_uid_listed").on(t.uid, t.listedAt.desc(), t.id.desc()).where(sql`owner_user_id is null`),
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
  },
  (t) => [
    uniqueIndex("action_items_memory_description").on(t.memoryId, t.description),
    index("action_items_memory").on(t.memoryId, t.idx),
  ],
);
export type ActionItem = typeof actionItems.$inferSelect;

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

export const notificationTypes = ["trigger_event", "reminder", "memory", "transcript", "day_summary", "custom"] as const;
export const dataScopes = ["transcript", "memory", "day_summary", "profile"] as const;
export type DataScope = (typeof dataScopes)[number];

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
    mode: text("mode", { enum: ["template", "omi_prompt"] }).notNull().default("template"),
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
    channel: text("channel", { enum: ["api", "realtime_reply"] }).notNull().default("api"),
    status: text("status", { enum: ["queued", "sent", "held", "failed"] }).notNull(),
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
