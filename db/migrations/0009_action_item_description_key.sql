-- Action items are unique per memory by the md5 of their description, not the text itself.
--
-- A btree entry holds at most ~2.7 KB; a memory whose action item had a few KB of text
-- that does not compress failed with "index row size … exceeds btree … maximum"
-- (SQLSTATE 54000), and the delivery could never be stored (found by the hostile suite).
-- omi_ingest_memory is the same as in 0004 except its ON CONFLICT target, and it keeps
-- 0008's plan_cache_mode (CREATE OR REPLACE would otherwise drop it).
--
-- Changing a function: write `create or replace function` in a NEW migration; never
-- edit this file once released.
DROP INDEX "action_items_memory_description";--> statement-breakpoint
CREATE UNIQUE INDEX "action_items_memory_description_md5" ON "action_items" USING btree ("memory_id",md5("description"));--> statement-breakpoint
CREATE OR REPLACE FUNCTION omi_ingest_memory(p jsonb, body text) RETURNS jsonb
LANGUAGE plpgsql SET plan_cache_mode = auto AS $$
DECLARE
  v_begin text;
  d jsonb := p->'delivery';
  m jsonb := p->'memory';
  v_uid text := d->>'uid';
  v_owner text := d->>'owner';
  v_at timestamptz := (d->>'received_at')::timestamptz;
  v_id text;
  v_rev int;
  v_linked int := 0;
  v_ids text[];
BEGIN
  v_begin := omi_begin_delivery(d);
  IF v_begin <> 'ok' THEN
    IF v_begin = 'duplicate' THEN
      PERFORM omi_log_delivery(d, body, 'duplicate', NULL);
    END IF;
    RETURN jsonb_build_object('outcome', v_begin);
  END IF;

  INSERT INTO memories AS t (id, uid, owner_user_id, omi_id, title, overview, emoji, category, source, language,
    folder_name, discarded, started_at, finished_at, omi_created_at, transcript_text, action_item_count,
    duration_seconds, raw, created_at, updated_at)
  VALUES (gen_random_uuid()::text, v_uid, v_owner, m->>'omi_id', m->>'title', m->>'overview', m->>'emoji',
    m->>'category', m->>'source', m->>'language', m->>'folder_name', (m->>'discarded')::boolean,
    (m->>'started_at')::timestamptz, (m->>'finished_at')::timestamptz, (m->>'omi_created_at')::timestamptz,
    m->>'transcript_text', (m->>'action_item_count')::int, (m->>'duration_seconds')::float8,
    coalesce(p->'raw', body::jsonb), v_at, v_at)
  ON CONFLICT (uid, owner_user_id, omi_id) DO UPDATE SET
    title = excluded.title, overview = excluded.overview, emoji = excluded.emoji, category = excluded.category,
    source = excluded.source, language = excluded.language, folder_name = excluded.folder_name,
    discarded = excluded.discarded, started_at = excluded.started_at, finished_at = excluded.finished_at,
    omi_created_at = excluded.omi_created_at, transcript_text = excluded.transcript_text,
    action_item_count = excluded.action_item_count, duration_seconds = excluded.duration_seconds,
    raw = excluded.raw, revisions = t.revisions + 1, updated_at = excluded.updated_at
  RETURNING id, revisions INTO v_id, v_rev;

  IF v_rev > 1 THEN
    DELETE FROM memory_segments WHERE memory_id = v_id;
  END IF;
  INSERT INTO memory_segments (memory_id, idx, segment_id, text, speaker, speaker_id, speaker_name, is_user,
    person_id, start, "end")
  SELECT v_id, s.idx, s.segment_id, s.text, s.speaker, s.speaker_id, s.speaker_name, s.is_user, s.person_id,
    s.start, s."end"
  FROM jsonb_to_recordset(m->'segments') AS s(idx int, segment_id text, text text, speaker text,
    speaker_id int, speaker_name text, is_user boolean, person_id text, start float8, "end" float8);

  -- ON CONFLICT cannot touch a row twice in one statement: Node keeps one item per description.
  INSERT INTO action_items AS t (id, memory_id, idx, description, completed_omi, due_at, raw)
  SELECT gen_random_uuid()::text, v_id, a.idx, a.description, a.completed, a.due_at, a.raw
  FROM jsonb_to_recordset(m->'action_items') AS a(idx int, description text, completed boolean,
    due_at timestamptz, raw jsonb)
  ON CONFLICT (memory_id, md5(description)) DO UPDATE SET
    idx = excluded.idx, completed_omi = excluded.completed_omi, due_at = excluded.due_at, raw = excluded.raw,
    present = true;
  IF v_rev > 1 THEN
    UPDATE action_items SET present = false
    WHERE memory_id = v_id
      AND description <> ALL (SELECT a.description FROM jsonb_to_recordset(m->'action_items') AS a(description text));
  END IF;

  -- A session that already points at another memory keeps it (the first claim wins).
  SELECT array_agg(x) INTO v_ids FROM jsonb_array_elements_text(m->'live_segment_ids') AS x;
  IF v_ids IS NOT NULL THEN
    IF v_owner IS NULL THEN
      UPDATE live_sessions SET memory_id = v_id
      WHERE (memory_id IS NULL OR memory_id = v_id)
        AND id IN (SELECT session_id FROM transcript_segments
                   WHERE uid = v_uid AND owner_user_id IS NULL AND segment_id = ANY (v_ids));
    ELSE
      UPDATE live_sessions SET memory_id = v_id
      WHERE (memory_id IS NULL OR memory_id = v_id)
        AND id IN (SELECT session_id FROM transcript_segments
                   WHERE uid = v_uid AND owner_user_id = v_owner AND segment_id = ANY (v_ids));
    END IF;
    GET DIAGNOSTICS v_linked = ROW_COUNT;
  END IF;

  PERFORM omi_log_delivery(d, body, 'stored', NULL);
  RETURN jsonb_build_object(
    'outcome', 'stored',
    'rules', omi_has_rules(v_uid, v_owner),
    'stored', jsonb_build_object(
      'memoryId', v_id, 'revision', v_rev,
      'segments', jsonb_array_length(m->'segments'), 'actionItems', jsonb_array_length(m->'action_items'),
      'discarded', (m->>'discarded')::boolean, 'liveSessionsLinked', v_linked));
END $$;
