-- Ingest statements plan once per connection (docs/BENCHMARKS.md "Postgres' share").
--
-- 0004 set plan_cache_mode = force_custom_plan for the whole database, because the
-- search queries need plans made with their values. Inside the ingest functions the
-- same setting made PL/pgSQL re-plan every statement on every call: ~0.5 ms of
-- Postgres CPU per memory delivery, a third of the function's cost. These statements
-- look rows up by unique keys; a generic plan is as good as a custom one, so the ingest
-- functions run with Postgres' own default (plans cached once the fifth call shows the
-- generic plan costs no more). The searches keep the database default.
--
-- Changing a function: write `create or replace function` in a NEW migration; never
-- edit this file once released.
ALTER FUNCTION omi_ingest_memory(jsonb, text) SET plan_cache_mode = auto;
--> statement-breakpoint
ALTER FUNCTION omi_ingest_realtime(jsonb, text) SET plan_cache_mode = auto;
--> statement-breakpoint
ALTER FUNCTION omi_ingest_audio(jsonb, text) SET plan_cache_mode = auto;
--> statement-breakpoint
ALTER FUNCTION omi_ingest_day_summary(jsonb, text) SET plan_cache_mode = auto;
--> statement-breakpoint
ALTER FUNCTION omi_ingest_button(jsonb, text) SET plan_cache_mode = auto;
--> statement-breakpoint

-- A LANGUAGE sql function that is not inlined is parsed and planned on every call;
-- PL/pgSQL keeps its plans for the connection. Same bodies as 0004.
CREATE OR REPLACE FUNCTION omi_log_delivery(d jsonb, body text, outcome text, chunk_id bigint) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT coalesce((d->>'log')::boolean, true) THEN
    RETURN;
  END IF;
  INSERT INTO deliveries (id, event, uid, owner_user_id, auth, signature, delivery_key, status, outcome,
    latency_ms, size_bytes, content_type, target, headers, body, body_truncated, audio_chunk_id, response,
    replay_of, created_at)
  VALUES (d->>'id', d->>'event', d->>'uid', d->>'owner', d->>'auth', d->>'signature', d->>'key', 200, outcome,
    coalesce((d->>'prep_ms')::float8, 0) + extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000,
    (d->>'size_bytes')::int, d->>'content_type', d->>'target', coalesce(d->'headers', '{}'::jsonb),
    CASE WHEN d ? 'log_body' THEN d->>'log_body' ELSE body END,
    coalesce((d->>'body_truncated')::boolean, false), chunk_id, '{}'::jsonb, d->>'replay_of',
    (d->>'received_at')::timestamptz);
END $$;
--> statement-breakpoint

CREATE OR REPLACE FUNCTION omi_has_rules(v_uid text, v_owner text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN EXISTS (
    SELECT 1 FROM notification_rules r
    JOIN omi_links l ON l.user_id = r.user_id AND l.uid = v_uid AND l.status IN ('verified', 'trusted')
    WHERE r.enabled AND (v_owner IS NULL OR r.user_id = v_owner));
END $$;
--> statement-breakpoint

-- The two copies of every JSON body (the stored payload and the delivery log's) are
-- compressed when TOASTed; lz4 costs a fraction of Postgres' default pglz. Builds
-- without lz4 (PGlite) keep pglz: same data, a little more CPU.
DO $$
BEGIN
  ALTER TABLE memories ALTER COLUMN raw SET COMPRESSION lz4;
  ALTER TABLE day_summaries ALTER COLUMN raw SET COMPRESSION lz4;
  ALTER TABLE deliveries ALTER COLUMN body SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available here; JSON bodies stay compressed with pglz';
END $$;
