-- One round trip per webhook delivery (docs/ARCHITECTURE.md "One round trip per delivery").
--
-- Each omi_ingest_<event>(p jsonb, body text) is called as ONE statement outside any
-- transaction block (db/client.ts callProcedure), so it commits when it returns: the
-- delivery key check, every upsert and the delivery-log row of a delivery are stored
-- together or not at all. Node has already authenticated, validated and normalised the
-- payload (lib/ingest/*); `p` carries the normalised values and `p.delivery` the log
-- row, `body` the raw JSON text as received (cast to jsonb here, so it is parsed once,
-- in C, and never re-serialised by Node). `p.raw`, when present, replaces `body` as the
-- stored payload (Node sends it only when the text held characters Postgres refuses).
--
-- Changing a function: write `create or replace function` in a NEW migration; never
-- edit this file once released.

-- Named (prepared) statements would let Postgres switch a statement to a generic plan
-- after five runs, one that ignores the values: a common search word then walks the
-- GIN index instead of the time index (~400 ms instead of ~30 ms at 100,000 memories).
-- Planning with the values every time used to be a startup parameter, which poolers
-- refuse; a database default is session state nobody has to send. Best effort: a role
-- that does not own the database keeps Postgres' default (pooled connections use
-- unnamed statements, which are always planned with their values).
DO $$
BEGIN
  EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_custom_plan', current_database());
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'plan_cache_mode left at its default: % does not own the database', current_user;
END $$;
--> statement-breakpoint

-- The first step of every delivery, inside its statement:
-- 'revoked'   the personal webhook token Node accepted (from its in-process cache) is
--             no longer the account's (regenerated, or the account deleted): 401;
-- 'duplicate' a copy with this delivery key was stored already (a concurrent copy waits
--             on the unique index until the first commits, then finds it);
-- 'ok'        go ahead. A replay records its key but always goes ahead.
CREATE OR REPLACE FUNCTION omi_begin_delivery(d jsonb) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  inserted int;
BEGIN
  IF d->>'token_hash' IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM webhook_tokens WHERE user_id = d->>'owner' AND token_hash = d->>'token_hash') THEN
    RETURN 'revoked';
  END IF;
  IF d->>'key' IS NULL THEN
    RETURN 'ok';
  END IF;
  INSERT INTO delivery_keys (event, uid, owner_user_id, key, delivery_id, created_at)
  VALUES (d->>'event', d->>'uid', d->>'owner', d->>'key', d->>'id', (d->>'received_at')::timestamptz)
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS inserted = ROW_COUNT;
  RETURN CASE WHEN inserted > 0 OR coalesce((d->>'replay')::boolean, false) THEN 'ok' ELSE 'duplicate' END;
END $$;
--> statement-breakpoint

-- The delivery-log row of a stored (or duplicate) delivery. `log_body`, when present,
-- is what to keep instead of `body` (cut to the log's limit, or null for audio).
-- latency_ms: Node's time before the call (prep_ms) plus this statement's own.
-- `log: false` (tests, seeding, imports) stores the data without a log row.
CREATE OR REPLACE FUNCTION omi_log_delivery(d jsonb, body text, outcome text, chunk_id bigint) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO deliveries (id, event, uid, owner_user_id, auth, signature, delivery_key, status, outcome,
    latency_ms, size_bytes, content_type, target, headers, body, body_truncated, audio_chunk_id, response,
    replay_of, created_at)
  SELECT d->>'id', d->>'event', d->>'uid', d->>'owner', d->>'auth', d->>'signature', d->>'key', 200, outcome,
    coalesce((d->>'prep_ms')::float8, 0) + extract(epoch FROM clock_timestamp() - statement_timestamp()) * 1000,
    (d->>'size_bytes')::int, d->>'content_type', d->>'target', coalesce(d->'headers', '{}'::jsonb),
    CASE WHEN d ? 'log_body' THEN d->>'log_body' ELSE body END,
    coalesce((d->>'body_truncated')::boolean, false), chunk_id, '{}'::jsonb, d->>'replay_of',
    (d->>'received_at')::timestamptz
  WHERE coalesce((d->>'log')::boolean, true)
$$;
--> statement-breakpoint

-- Whether any account that may be notified about this data has an enabled rule, so the
-- caller judges rules (after this commits) only when there can be something to judge.
-- A superset: lib/notify decides precisely (docs/SECURITY.md "Who may be notified").
CREATE OR REPLACE FUNCTION omi_has_rules(v_uid text, v_owner text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM notification_rules r
    JOIN omi_links l ON l.user_id = r.user_id AND l.uid = v_uid AND l.status IN ('verified', 'trusted')
    WHERE r.enabled AND (v_owner IS NULL OR r.user_id = v_owner))
$$;
--> statement-breakpoint

-- Memory ("conversation created"): upsert by (uid, owner, Omi id), replace the segments,
-- upsert action items by description (the person's own tick is never touched; items
-- Omi stopped listing are kept with present = false), tie live sessions holding these
-- segment ids to the memory. A memory seen for the first time skips the delete and the
-- "no longer listed" update.
CREATE OR REPLACE FUNCTION omi_ingest_memory(p jsonb, body text) RETURNS jsonb
LANGUAGE plpgsql AS $$
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
  ON CONFLICT (memory_id, description) DO UPDATE SET
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
--> statement-breakpoint

-- Real-time transcript: under the stream's counter row lock (held to commit, so
-- deliveries of one stream commit in sequence order and a reader who has seen seq N
-- never later finds a committed change below N), upsert each segment by (uid, owner,
-- segment key): new → insert; a later copy with LONGER text → replace in place; else
-- nothing. Every change gets the next sequence number. A pause longer than the session
-- gap starts a new session. NOTIFY is delivered when this commits.
CREATE OR REPLACE FUNCTION omi_ingest_realtime(p jsonb, body text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_begin text;
  d jsonb := p->'delivery';
  v_uid text := d->>'uid';
  v_owner text := d->>'owner';
  v_at timestamptz := (d->>'received_at')::timestamptz;
  v_norm jsonb := p->'segments';
  v_body jsonb;
  v_raw jsonb;
  v_count int := jsonb_array_length(p->'segments');
  v_stream bigint;
  v_seq bigint;
  v_start_seq bigint;
  v_latest_id text;
  v_latest_at timestamptz;
  v_session text;
  v_session_exists boolean := false;
  seg jsonb;
  v_key text;
  v_existing_id text;
  v_existing_session text;
  v_existing_text text;
  v_added int := 0;
  v_grown int := 0;
  v_touched jsonb := '{}'::jsonb;
  v_changed jsonb := '[]'::jsonb;
BEGIN
  v_begin := omi_begin_delivery(d);
  IF v_begin <> 'ok' THEN
    IF v_begin = 'duplicate' THEN
      PERFORM omi_log_delivery(d, body, 'duplicate', NULL);
    END IF;
    RETURN jsonb_build_object('outcome', v_begin);
  END IF;
  IF v_count = 0 THEN
    PERFORM omi_log_delivery(d, body, 'stored', NULL);
    RETURN jsonb_build_object('outcome', 'stored', 'rules', false, 'stored', jsonb_build_object('segments', 0));
  END IF;

  v_body := coalesce(p->'raw', body::jsonb);
  -- Legacy senders post a bare array of segments.
  v_raw := CASE WHEN jsonb_typeof(v_body) = 'array' THEN v_body ELSE v_body->'segments' END;

  -- `DO UPDATE` (even to the same value) takes the row lock, held until commit.
  INSERT INTO live_streams AS t (uid, owner_user_id) VALUES (v_uid, v_owner)
  ON CONFLICT (uid, owner_user_id) DO UPDATE SET seq = t.seq
  RETURNING id, seq INTO v_stream, v_seq;
  v_start_seq := v_seq;

  SELECT id, last_segment_at INTO v_latest_id, v_latest_at
  FROM live_sessions WHERE stream_id = v_stream ORDER BY last_segment_at DESC LIMIT 1;
  IF v_latest_id IS NOT NULL AND v_at - v_latest_at <= make_interval(mins => (p->>'session_gap_minutes')::int) THEN
    v_session := v_latest_id;
    v_session_exists := true;
  ELSE
    v_session := gen_random_uuid()::text;
  END IF;

  FOR i IN 0 .. v_count - 1 LOOP
    seg := v_norm->i;
    -- Segments without an Omi id: a key from (session, start, speaker), not the text,
    -- because a re-sent longer copy must map to the same key (lib/ingest/realtime.ts).
    v_key := coalesce(seg->>'id', 'derived:' || v_session || ':' || (seg->>'derived'));
    v_existing_id := NULL;
    IF v_owner IS NULL THEN
      SELECT id, session_id, text INTO v_existing_id, v_existing_session, v_existing_text
      FROM transcript_segments WHERE uid = v_uid AND owner_user_id IS NULL AND segment_id = v_key;
    ELSE
      SELECT id, session_id, text INTO v_existing_id, v_existing_session, v_existing_text
      FROM transcript_segments WHERE uid = v_uid AND owner_user_id = v_owner AND segment_id = v_key;
    END IF;

    IF v_existing_id IS NULL THEN
      IF NOT v_session_exists THEN
        INSERT INTO live_sessions (id, stream_id, uid, owner_user_id, started_at, last_segment_at)
        VALUES (v_session, v_stream, v_uid, v_owner, v_at, v_at);
        v_session_exists := true;
      END IF;
      v_seq := v_seq + 1;
      INSERT INTO transcript_segments (id, stream_id, session_id, uid, owner_user_id, segment_id, text, speaker,
        speaker_id, speaker_name, is_user, person_id, start, "end", seq, raw, created_at, updated_at)
      VALUES (gen_random_uuid()::text, v_stream, v_session, v_uid, v_owner, v_key, seg->>'text', seg->>'speaker',
        (seg->>'speaker_id')::int, seg->>'speaker_name', (seg->>'is_user')::boolean, seg->>'person_id',
        (seg->>'start')::float8, (seg->>'end')::float8, v_seq, coalesce(v_raw->i, seg), v_at, v_at);
      v_touched := jsonb_set(v_touched, ARRAY[v_session], to_jsonb(coalesce((v_touched->>v_session)::int, 0) + 1));
      v_changed := v_changed || jsonb_build_array(jsonb_build_object('segmentKey', v_key, 'text', seg->>'text'));
      v_added := v_added + 1;
    ELSIF char_length(seg->>'text') > char_length(v_existing_text) THEN
      v_seq := v_seq + 1;
      UPDATE transcript_segments SET text = seg->>'text', speaker = seg->>'speaker',
        speaker_id = (seg->>'speaker_id')::int, speaker_name = seg->>'speaker_name',
        is_user = (seg->>'is_user')::boolean, person_id = seg->>'person_id', start = (seg->>'start')::float8,
        "end" = (seg->>'end')::float8, raw = coalesce(v_raw->i, seg), seq = v_seq, updated_at = v_at
      WHERE id = v_existing_id;
      v_touched := jsonb_set(v_touched, ARRAY[v_existing_session],
        to_jsonb(coalesce((v_touched->>v_existing_session)::int, 0)));
      v_changed := v_changed || jsonb_build_array(jsonb_build_object('segmentKey', v_key, 'text', seg->>'text'));
      v_grown := v_grown + 1;
    END IF;
  END LOOP;

  IF v_seq = v_start_seq THEN
    PERFORM omi_log_delivery(d, body, 'stored', NULL);
    RETURN jsonb_build_object('outcome', 'stored', 'rules', false, 'stored', jsonb_build_object('segments', 0));
  END IF;

  UPDATE live_sessions s SET last_segment_at = greatest(s.last_segment_at, v_at),
    segment_count = s.segment_count + t.value::int
  FROM jsonb_each_text(v_touched) AS t WHERE s.id = t.key;
  UPDATE live_streams SET seq = v_seq WHERE id = v_stream;
  PERFORM pg_notify('omi_live', json_build_object('streamId', v_stream, 'seq', v_seq)::text);

  PERFORM omi_log_delivery(d, body, 'stored', NULL);
  RETURN jsonb_build_object(
    'outcome', 'stored',
    'rules', omi_has_rules(v_uid, v_owner),
    'changed', v_changed,
    'stored', jsonb_build_object('segments', v_added + v_grown, 'added', v_added, 'grown', v_grown,
      'sessionId', v_session, 'seq', v_seq));
END $$;
--> statement-breakpoint

-- Audio bytes: one PCM16 chunk joins the stream's latest recording or starts a new one
-- (the rule of lib/audio/timeline.ts, kept in step with it: a different sample rate, or
-- arriving more than split_after_seconds after the recording's expected end, starts a
-- new one; more than 1.5 s late leaves a gap marker). A transaction-scoped advisory lock
-- serialises a stream's chunks, also before it has a recording row to lock.
--
-- Peaks: Node computed this chunk's waveform buckets assuming it starts `peaks_phase`
-- samples into a bucket (it keeps each stream's length in memory). When the chunk
-- really starts there, they merge exactly (a bucket's peak is a maximum); when not
-- (another process stored the previous chunk), the recording is marked peaks_stale and
-- the next read recomputes them from the chunks.
CREATE OR REPLACE FUNCTION omi_ingest_audio(p jsonb, pcm_base64 text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_begin text;
  d jsonb := p->'delivery';
  a jsonb := p->'audio';
  v_uid text := d->>'uid';
  v_owner text := d->>'owner';
  v_at timestamptz := (d->>'received_at')::timestamptz;
  v_rate int := (a->>'sample_rate')::int;
  v_pcm bytea := decode(pcm_base64, 'base64');
  v_len bigint;
  v_rec record;
  v_found boolean;
  v_new boolean := false;
  v_missing float8;
  v_lag float8;
  v_rec_id text;
  v_offset bigint;
  v_gaps jsonb;
  v_peaks bytea;
  v_stale boolean;
  v_chunk_peaks bytea := decode(coalesce(a->>'peaks', ''), 'base64');
  v_per int;
  v_first int;
  v_merged bytea;
  v_chunk_id bigint;
BEGIN
  v_begin := omi_begin_delivery(d);
  IF v_begin <> 'ok' THEN
    IF v_begin = 'duplicate' THEN
      PERFORM omi_log_delivery(d, NULL, 'duplicate', NULL);
    END IF;
    RETURN jsonb_build_object('outcome', v_begin);
  END IF;
  v_len := length(v_pcm);
  PERFORM pg_advisory_xact_lock(hashtextextended('audio:' || v_uid || ':' || coalesce(v_owner, ''), 0));

  IF v_owner IS NULL THEN
    SELECT id, sample_rate, started_at, byte_length, gaps, peaks, peaks_stale INTO v_rec
    FROM recordings WHERE uid = v_uid AND owner_user_id IS NULL
    ORDER BY last_chunk_at DESC, started_at DESC LIMIT 1;
  ELSE
    SELECT id, sample_rate, started_at, byte_length, gaps, peaks, peaks_stale INTO v_rec
    FROM recordings WHERE uid = v_uid AND owner_user_id = v_owner
    ORDER BY last_chunk_at DESC, started_at DESC LIMIT 1;
  END IF;
  v_found := FOUND;

  IF NOT v_found OR v_rec.sample_rate <> v_rate THEN
    v_new := true;
  ELSE
    SELECT coalesce(sum((g->>'missingSeconds')::float8), 0) INTO v_missing FROM jsonb_array_elements(v_rec.gaps) AS g;
    v_lag := extract(epoch FROM v_at - (v_rec.started_at
      + make_interval(secs => v_rec.byte_length / 2.0 / v_rec.sample_rate + v_missing)));
    IF v_lag > (a->>'split_after_seconds')::float8 THEN
      v_new := true;
    END IF;
  END IF;

  IF v_new THEN
    v_rec_id := gen_random_uuid()::text;
    INSERT INTO recordings (id, uid, owner_user_id, sample_rate, started_at, last_chunk_at)
    VALUES (v_rec_id, v_uid, v_owner, v_rate, v_at, v_at);
    v_offset := 0;
    v_gaps := '[]'::jsonb;
    v_peaks := NULL;
    v_stale := false;
  ELSE
    v_rec_id := v_rec.id;
    v_offset := v_rec.byte_length;
    v_gaps := v_rec.gaps;
    v_peaks := v_rec.peaks;
    v_stale := v_rec.peaks_stale;
    IF v_lag > 1.5 THEN
      v_gaps := v_gaps || jsonb_build_array(jsonb_build_object(
        'atByte', v_offset,
        'atSeconds', round((v_offset / 2.0 / v_rate)::numeric, 3),
        'missingSeconds', round(v_lag::numeric, 1)));
    END IF;
  END IF;

  -- samplesPerBucket (lib/audio/peaks.ts): round(sample_rate / 10), at least 1.
  v_per := greatest(1, round(v_rate / 10.0)::int);
  IF ((v_offset / 2) % v_per) = (a->>'peaks_phase')::int THEN
    v_first := ((v_offset / 2) / v_per)::int;
    v_merged := coalesce(v_peaks, ''::bytea);
    IF length(v_merged) > v_first THEN
      -- The recording's last (partial) buckets and the chunk's first ones overlap: keep the higher.
      FOR i IN 0 .. least(length(v_merged) - v_first, length(v_chunk_peaks)) - 1 LOOP
        v_chunk_peaks := set_byte(v_chunk_peaks, i, greatest(get_byte(v_chunk_peaks, i), get_byte(v_merged, v_first + i)));
      END LOOP;
      IF length(v_merged) - v_first > length(v_chunk_peaks) THEN
        v_chunk_peaks := v_chunk_peaks || substring(v_merged FROM v_first + length(v_chunk_peaks) + 1);
      END IF;
    ELSIF length(v_merged) < v_first THEN
      v_merged := v_merged || decode(repeat('00', v_first - length(v_merged)), 'hex');
    END IF;
    v_peaks := substring(v_merged FROM 1 FOR v_first) || v_chunk_peaks;
  ELSE
    v_stale := true;
  END IF;

  INSERT INTO audio_chunks (recording_id, uid, owner_user_id, byte_offset, byte_length, sample_rate, received_at, data)
  VALUES (v_rec_id, v_uid, v_owner, v_offset, v_len, v_rate, v_at, v_pcm)
  RETURNING id INTO v_chunk_id;
  UPDATE recordings SET byte_length = v_offset + v_len, chunk_count = chunk_count + 1,
    last_chunk_at = greatest(last_chunk_at, v_at), gaps = v_gaps, peaks = v_peaks, peaks_stale = v_stale
  WHERE id = v_rec_id;

  PERFORM omi_log_delivery(d, NULL, 'stored', v_chunk_id);
  RETURN jsonb_build_object(
    'outcome', 'stored',
    'stored', jsonb_build_object('chunkId', v_chunk_id::text, 'recordingId', v_rec_id),
    'recording', jsonb_build_object('id', v_rec_id, 'sampleRate', v_rate,
      'startedAt', to_char((SELECT started_at FROM recordings WHERE id = v_rec_id) AT TIME ZONE 'UTC',
        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      'byteLength', v_offset + v_len, 'gaps', v_gaps));
END $$;
--> statement-breakpoint

-- Day summary: upsert by (uid, owner, date).
CREATE OR REPLACE FUNCTION omi_ingest_day_summary(p jsonb, body text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_begin text;
  d jsonb := p->'delivery';
  s jsonb := p->'summary';
  v_uid text := d->>'uid';
  v_owner text := d->>'owner';
  v_at timestamptz := (d->>'received_at')::timestamptz;
  v_id text;
BEGIN
  v_begin := omi_begin_delivery(d);
  IF v_begin <> 'ok' THEN
    IF v_begin = 'duplicate' THEN
      PERFORM omi_log_delivery(d, body, 'duplicate', NULL);
    END IF;
    RETURN jsonb_build_object('outcome', v_begin);
  END IF;
  INSERT INTO day_summaries AS t (id, uid, owner_user_id, date, headline, overview, day_emoji, total_conversations,
    total_duration_minutes, content, from_legacy, raw, created_at, updated_at)
  VALUES (gen_random_uuid()::text, v_uid, v_owner, (s->>'date')::date, s->>'headline', s->>'overview',
    s->>'day_emoji', (s->>'total_conversations')::int, (s->>'total_duration_minutes')::float8, s->'content',
    (s->>'from_legacy')::boolean, coalesce(p->'raw', body::jsonb), v_at, v_at)
  ON CONFLICT (uid, owner_user_id, date) DO UPDATE SET
    headline = excluded.headline, overview = excluded.overview, day_emoji = excluded.day_emoji,
    total_conversations = excluded.total_conversations, total_duration_minutes = excluded.total_duration_minutes,
    content = excluded.content, from_legacy = excluded.from_legacy, raw = excluded.raw, updated_at = excluded.updated_at
  RETURNING id INTO v_id;
  PERFORM omi_log_delivery(d, body, 'stored', NULL);
  RETURN jsonb_build_object(
    'outcome', 'stored',
    'rules', omi_has_rules(v_uid, v_owner),
    'stored', jsonb_build_object('daySummaryId', v_id, 'date', s->>'date', 'fromLegacy', (s->>'from_legacy')::boolean));
END $$;
--> statement-breakpoint

-- Button event: its shape is unconfirmed, so it is kept whole.
CREATE OR REPLACE FUNCTION omi_ingest_button(p jsonb, body text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  v_begin text;
  d jsonb := p->'delivery';
  v_id text := gen_random_uuid()::text;
BEGIN
  v_begin := omi_begin_delivery(d);
  IF v_begin <> 'ok' THEN
    IF v_begin = 'duplicate' THEN
      PERFORM omi_log_delivery(d, body, 'duplicate', NULL);
    END IF;
    RETURN jsonb_build_object('outcome', v_begin);
  END IF;
  INSERT INTO button_events (id, uid, owner_user_id, body, created_at)
  VALUES (v_id, d->>'uid', d->>'owner', coalesce(p->'raw', body::jsonb), (d->>'received_at')::timestamptz);
  PERFORM omi_log_delivery(d, body, 'stored', NULL);
  RETURN jsonb_build_object('outcome', 'stored', 'rules', false, 'stored', jsonb_build_object('buttonEventId', v_id));
END $$;
