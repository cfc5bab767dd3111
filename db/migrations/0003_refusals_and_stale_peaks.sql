CREATE TABLE "webhook_refusals" (
	"minute" timestamp with time zone NOT NULL,
	"address" text NOT NULL,
	"event" text NOT NULL,
	"status" integer NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"declared_bytes" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "webhook_refusals_minute_address_event_status_pk" PRIMARY KEY("minute","address","event","status")
);
--> statement-breakpoint
ALTER TABLE "recordings" ADD COLUMN "peaks_stale" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "webhook_refusals_minute" ON "webhook_refusals" USING btree ("minute");