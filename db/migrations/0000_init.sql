CREATE TABLE "action_items" (
	"id" text PRIMARY KEY NOT NULL,
	"memory_id" text NOT NULL,
	"idx" integer NOT NULL,
	"description" text NOT NULL,
	"completed_omi" boolean DEFAULT false NOT NULL,
	"completed_local" boolean,
	"completed_local_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"raw" jsonb,
	"present" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "audio_chunks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"recording_id" text NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"byte_offset" bigint NOT NULL,
	"byte_length" integer NOT NULL,
	"sample_rate" integer NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "auth_accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "auth_verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "button_events" (
	"id" text PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "day_summaries" (
	"id" text PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"date" date NOT NULL,
	"headline" text,
	"overview" text,
	"day_emoji" text,
	"total_conversations" integer,
	"total_duration_minutes" double precision,
	"content" jsonb NOT NULL,
	"from_legacy" boolean DEFAULT false NOT NULL,
	"raw" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "day_summaries_uid_owner_date" UNIQUE NULLS NOT DISTINCT("uid","owner_user_id","date")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" text PRIMARY KEY NOT NULL,
	"event" text NOT NULL,
	"uid" text,
	"owner_user_id" text,
	"auth" text NOT NULL,
	"signature" text NOT NULL,
	"delivery_key" text,
	"status" integer NOT NULL,
	"outcome" text NOT NULL,
	"error_message" text,
	"error_details" jsonb,
	"latency_ms" double precision NOT NULL,
	"size_bytes" integer NOT NULL,
	"content_type" text,
	"target" text NOT NULL,
	"headers" jsonb NOT NULL,
	"body" text,
	"body_truncated" boolean DEFAULT false NOT NULL,
	"audio_chunk_id" bigint,
	"response" jsonb,
	"replay_of" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery_keys" (
	"event" text NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"key" text NOT NULL,
	"delivery_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_keys_unique" UNIQUE NULLS NOT DISTINCT("event","uid","owner_user_id","key")
);
--> statement-breakpoint
CREATE TABLE "live_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"stream_id" bigint NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"last_segment_at" timestamp with time zone NOT NULL,
	"segment_count" integer DEFAULT 0 NOT NULL,
	"memory_id" text
);
--> statement-breakpoint
CREATE TABLE "live_streams" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"seq" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "live_streams_uid_owner" UNIQUE NULLS NOT DISTINCT("uid","owner_user_id")
);
--> statement-breakpoint
CREATE TABLE "memories" (
	"id" text PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"omi_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"overview" text DEFAULT '' NOT NULL,
	"emoji" text DEFAULT '🧠' NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"source" text,
	"language" text,
	"folder_name" text,
	"discarded" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"omi_created_at" timestamp with time zone,
	"transcript_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', coalesce(title, '')), 'A') || setweight(to_tsvector('simple', coalesce(overview, '')), 'B') || setweight(to_tsvector('simple', left(coalesce(transcript_text, ''), 200000)), 'C')) STORED,
	"action_item_count" integer DEFAULT 0 NOT NULL,
	"duration_seconds" double precision,
	"raw" jsonb NOT NULL,
	"revisions" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memories_uid_owner_omi" UNIQUE NULLS NOT DISTINCT("uid","owner_user_id","omi_id")
);
--> statement-breakpoint
CREATE TABLE "memory_segments" (
	"memory_id" text NOT NULL,
	"idx" integer NOT NULL,
	"segment_id" text,
	"text" text NOT NULL,
	"speaker" text,
	"speaker_id" integer,
	"speaker_name" text,
	"is_user" boolean DEFAULT false NOT NULL,
	"person_id" text,
	"start" double precision NOT NULL,
	"end" double precision NOT NULL,
	CONSTRAINT "memory_segments_memory_id_idx_pk" PRIMARY KEY("memory_id","idx")
);
--> statement-breakpoint
CREATE TABLE "notification_rules" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"trigger" jsonb NOT NULL,
	"scopes" jsonb NOT NULL,
	"mode" text DEFAULT 'template' NOT NULL,
	"template" text,
	"prompt" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text,
	"uid" text NOT NULL,
	"type" text NOT NULL,
	"message" text NOT NULL,
	"rule_id" text,
	"channel" text DEFAULT 'api' NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"omi_status" integer,
	"omi_response" text,
	"next_attempt_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "omi_links" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"uid" text NOT NULL,
	"status" text NOT NULL,
	"nickname" text,
	"code_hash" text,
	"code_expires_at" timestamp with time zone,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"code_sent_at" timestamp with time zone,
	"code_delivery_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"verified_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"id" text PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"sample_rate" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"last_chunk_at" timestamp with time zone NOT NULL,
	"byte_length" bigint DEFAULT 0 NOT NULL,
	"chunk_count" integer DEFAULT 0 NOT NULL,
	"gaps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"peaks" "bytea",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_firings" (
	"rule_id" text NOT NULL,
	"subject_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_firings_rule_id_subject_key_pk" PRIMARY KEY("rule_id","subject_key")
);
--> statement-breakpoint
CREATE TABLE "transcript_segments" (
	"id" text PRIMARY KEY NOT NULL,
	"stream_id" bigint NOT NULL,
	"session_id" text NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"segment_id" text NOT NULL,
	"text" text NOT NULL,
	"speaker" text,
	"speaker_id" integer,
	"speaker_name" text,
	"is_user" boolean DEFAULT false NOT NULL,
	"person_id" text,
	"start" double precision NOT NULL,
	"end" double precision NOT NULL,
	"seq" bigint NOT NULL,
	"raw" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transcript_segments_key" UNIQUE NULLS NOT DISTINCT("uid","owner_user_id","segment_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text,
	"email_verified" timestamp with time zone,
	"image" text,
	"password_hash" text,
	"time_zone" text DEFAULT 'UTC' NOT NULL,
	"signing_secret_enc" text,
	"quiet_hours_start" text,
	"quiet_hours_end" text,
	"audio_retention_days" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "webhook_tokens" (
	"user_id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"token_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD CONSTRAINT "action_items_memory_id_memories_id_fk" FOREIGN KEY ("memory_id") REFERENCES "public"."memories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_chunks" ADD CONSTRAINT "audio_chunks_recording_id_recordings_id_fk" FOREIGN KEY ("recording_id") REFERENCES "public"."recordings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audio_chunks" ADD CONSTRAINT "audio_chunks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_accounts" ADD CONSTRAINT "auth_accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "button_events" ADD CONSTRAINT "button_events_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "day_summaries" ADD CONSTRAINT "day_summaries_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_keys" ADD CONSTRAINT "delivery_keys_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_stream_id_live_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."live_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_sessions" ADD CONSTRAINT "live_sessions_memory_id_memories_id_fk" FOREIGN KEY ("memory_id") REFERENCES "public"."memories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "live_streams" ADD CONSTRAINT "live_streams_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memories" ADD CONSTRAINT "memories_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memory_segments" ADD CONSTRAINT "memory_segments_memory_id_memories_id_fk" FOREIGN KEY ("memory_id") REFERENCES "public"."memories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_rules" ADD CONSTRAINT "notification_rules_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_rule_id_notification_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."notification_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_links" ADD CONSTRAINT "omi_links_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_firings" ADD CONSTRAINT "rule_firings_rule_id_notification_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."notification_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_stream_id_live_streams_id_fk" FOREIGN KEY ("stream_id") REFERENCES "public"."live_streams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_session_id_live_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."live_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transcript_segments" ADD CONSTRAINT "transcript_segments_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_tokens" ADD CONSTRAINT "webhook_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "action_items_memory_description" ON "action_items" USING btree ("memory_id","description");--> statement-breakpoint
CREATE INDEX "action_items_memory" ON "action_items" USING btree ("memory_id","idx");--> statement-breakpoint
CREATE INDEX "api_tokens_user" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audio_chunks_recording_offset" ON "audio_chunks" USING btree ("recording_id","byte_offset");--> statement-breakpoint
CREATE INDEX "button_events_uid_time" ON "button_events" USING btree ("uid","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_owner_time" ON "deliveries" USING btree ("owner_user_id","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_uid_time" ON "deliveries" USING btree ("uid","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_time" ON "deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "live_sessions_stream_time" ON "live_sessions" USING btree ("stream_id","last_segment_at");--> statement-breakpoint
CREATE INDEX "memories_uid_time" ON "memories" USING btree ("uid","started_at","id");--> statement-breakpoint
CREATE INDEX "memories_owner_time" ON "memories" USING btree ("owner_user_id","started_at","id");--> statement-breakpoint
CREATE INDEX "memories_search" ON "memories" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "memory_segments_segment" ON "memory_segments" USING btree ("segment_id");--> statement-breakpoint
CREATE INDEX "notification_rules_user" ON "notification_rules" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "notifications_user_time" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_uid_time" ON "notifications" USING btree ("uid","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "omi_links_user_uid" ON "omi_links" USING btree ("user_id","uid");--> statement-breakpoint
CREATE UNIQUE INDEX "omi_links_owned_uid" ON "omi_links" USING btree ("uid") WHERE status in ('verified', 'trusted');--> statement-breakpoint
CREATE INDEX "omi_links_uid" ON "omi_links" USING btree ("uid");--> statement-breakpoint
CREATE INDEX "recordings_uid_time" ON "recordings" USING btree ("uid","started_at");--> statement-breakpoint
CREATE INDEX "recordings_owner_time" ON "recordings" USING btree ("owner_user_id","started_at");--> statement-breakpoint
CREATE INDEX "transcript_segments_stream_seq" ON "transcript_segments" USING btree ("stream_id","seq");--> statement-breakpoint
CREATE INDEX "transcript_segments_session" ON "transcript_segments" USING btree ("session_id","created_at");