-- Tokens made before scopes existed could do everything: they keep all four scopes.
-- The default only fills existing rows; new tokens always name their scopes.
ALTER TABLE "api_tokens" ADD COLUMN "scopes" text[] DEFAULT '{read,write,notify,account}' NOT NULL;--> statement-breakpoint
ALTER TABLE "api_tokens" ALTER COLUMN "scopes" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "expires_at" timestamp with time zone;
