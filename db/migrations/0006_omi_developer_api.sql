CREATE TABLE "action_item_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action_item_id" text NOT NULL,
	"source" text NOT NULL,
	"completed" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "omi_dev_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"link_id" text NOT NULL,
	"uid" text NOT NULL,
	"key_enc" text NOT NULL,
	"key_prefix" text NOT NULL,
	"omi_key_id" text,
	"omi_key_name" text,
	"scopes" jsonb,
	"evidence" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_message" text,
	"budget" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_reconcile_at" timestamp with time zone,
	"next_reconcile_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "omi_dev_keys_link_id_unique" UNIQUE("link_id")
);
--> statement-breakpoint
CREATE TABLE "omi_facts" (
	"id" text PRIMARY KEY NOT NULL,
	"uid" text NOT NULL,
	"owner_user_id" text,
	"omi_id" text NOT NULL,
	"content" text NOT NULL,
	"category" text,
	"visibility" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"manually_added" boolean DEFAULT false NOT NULL,
	"reviewed" boolean DEFAULT false NOT NULL,
	"edited" boolean DEFAULT false NOT NULL,
	"omi_created_at" timestamp with time zone,
	"omi_updated_at" timestamp with time zone,
	"raw" jsonb NOT NULL,
	"present" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "omi_facts_uid_owner_omi" UNIQUE NULLS NOT DISTINCT("uid","owner_user_id","omi_id")
);
--> statement-breakpoint
CREATE TABLE "omi_sync_findings" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"uid" text NOT NULL,
	"job_id" text,
	"memory_id" text,
	"omi_id" text NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"omi_created_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "omi_sync_findings_user_omi" UNIQUE("user_id","uid","omi_id")
);
--> statement-breakpoint
CREATE TABLE "omi_sync_jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"user_id" text NOT NULL,
	"uid" text NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"phase" text NOT NULL,
	"window_start" timestamp with time zone,
	"window_end" timestamp with time zone NOT NULL,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"total_conversations" integer,
	"wait_reason" text,
	"last_error" text,
	"notes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_token" text,
	"lease_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "omi_id" text;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "omi_updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "omi_push" text;--> statement-breakpoint
ALTER TABLE "action_items" ADD COLUMN "omi_push_error" text;--> statement-breakpoint
ALTER TABLE "action_item_changes" ADD CONSTRAINT "action_item_changes_action_item_id_action_items_id_fk" FOREIGN KEY ("action_item_id") REFERENCES "public"."action_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_dev_keys" ADD CONSTRAINT "omi_dev_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_dev_keys" ADD CONSTRAINT "omi_dev_keys_link_id_omi_links_id_fk" FOREIGN KEY ("link_id") REFERENCES "public"."omi_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_facts" ADD CONSTRAINT "omi_facts_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_sync_findings" ADD CONSTRAINT "omi_sync_findings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_sync_findings" ADD CONSTRAINT "omi_sync_findings_job_id_omi_sync_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."omi_sync_jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_sync_findings" ADD CONSTRAINT "omi_sync_findings_memory_id_memories_id_fk" FOREIGN KEY ("memory_id") REFERENCES "public"."memories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_sync_jobs" ADD CONSTRAINT "omi_sync_jobs_key_id_omi_dev_keys_id_fk" FOREIGN KEY ("key_id") REFERENCES "public"."omi_dev_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "omi_sync_jobs" ADD CONSTRAINT "omi_sync_jobs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_item_changes_item" ON "action_item_changes" USING btree ("action_item_id","at");--> statement-breakpoint
CREATE INDEX "omi_dev_keys_user" ON "omi_dev_keys" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "omi_dev_keys_next_reconcile" ON "omi_dev_keys" USING btree ("next_reconcile_at");--> statement-breakpoint
CREATE INDEX "omi_facts_owner_time" ON "omi_facts" USING btree ("owner_user_id","omi_created_at");--> statement-breakpoint
CREATE INDEX "omi_sync_findings_user_time" ON "omi_sync_findings" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "omi_sync_jobs_due" ON "omi_sync_jobs" USING btree ("next_attempt_at") WHERE state in ('queued', 'running', 'waiting');--> statement-breakpoint
CREATE UNIQUE INDEX "omi_sync_jobs_one_active" ON "omi_sync_jobs" USING btree ("key_id") WHERE state in ('queued', 'running', 'waiting');--> statement-breakpoint
CREATE INDEX "omi_sync_jobs_key_time" ON "omi_sync_jobs" USING btree ("key_id","created_at");--> statement-breakpoint
CREATE INDEX "omi_sync_jobs_user_time" ON "omi_sync_jobs" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "action_items_push_pending" ON "action_items" USING btree ("memory_id") WHERE omi_push = 'pending';--> statement-breakpoint
CREATE INDEX "memories_omi_id" ON "memories" USING btree ("omi_id");