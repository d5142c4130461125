-- Hand-written (issue 12, write path). A bulk ingest writes a file in several COPY
-- statements (250k rows each, so reading and writing overlap); each statement touched
-- every one of the file's task-view × model counters again: 4 statements of 250k rows
-- took 22.0 s against 17.8 s for one statement of 1M, and 14.4 s against 14.6 s with the
-- count trigger off. The bulk writer (lib/db/write-ingest-plan.ts) now defers the
-- counters to the end of its file: each statement's counts are aggregated into a
-- temporary table, and one upsert folds them into result_count before the writer
-- returns. Every other writer, and every delete, keeps counting per statement.
--
-- Deferral is transaction-local (set_config(..., true)), so it ends with the transaction
-- and is undone with a rolled-back savepoint, as are the pending rows. A transaction
-- that defers must fold before it commits: the writer's last statement is
-- result_counts_end() (fold, then stop deferring).

CREATE FUNCTION "result_counts_defer"() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE IF NOT EXISTS "result_count_pending" (
    "task_id" INTEGER NOT NULL, "metric_id" INTEGER NOT NULL, "shots" INTEGER, "filter" TEXT NOT NULL,
    "model_id" INTEGER NOT NULL, "results" BIGINT NOT NULL, "placed" BIGINT NOT NULL
  ) ON COMMIT DROP;
  PERFORM set_config('atlas.result_counts_deferred', 'on', true);
END
$$;

CREATE FUNCTION "result_counts_fold"() RETURNS void
LANGUAGE plpgsql
SET work_mem = '64MB' SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
  IF current_setting('atlas.result_counts_deferred', true) IS DISTINCT FROM 'on' THEN
    RETURN;
  END IF;
  WITH g AS MATERIALIZED (
    SELECT task_id, metric_id, shots, filter, model_id, sum(results)::int AS results, sum(placed)::int AS placed
    FROM pg_temp."result_count_pending"
    GROUP BY task_id, metric_id, shots, filter, model_id
  )
  INSERT INTO "result_count" AS rc ("task_id", "metric_id", "shots", "filter", "model_id", "results", "placed")
  SELECT * FROM g
  -- in key order, so concurrent uploads lock shared counters in the same order
  ORDER BY task_id, metric_id, shots, filter COLLATE "C", model_id
  ON CONFLICT ("task_id", "metric_id", "shots", "filter", "model_id") DO UPDATE
    SET "results" = rc."results" + EXCLUDED."results", "placed" = rc."placed" + EXCLUDED."placed";
  TRUNCATE pg_temp."result_count_pending";
END
$$;

CREATE FUNCTION "result_counts_end"() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "result_counts_fold"();
  PERFORM set_config('atlas.result_counts_deferred', 'off', true);
END
$$;

CREATE OR REPLACE FUNCTION "result_count_insert"() RETURNS trigger
LANGUAGE plpgsql
SET work_mem = '64MB' SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
  IF current_setting('atlas.result_counts_deferred', true) = 'on' THEN
    -- the bulk writer folds these into result_count once, at the end of its file
    INSERT INTO pg_temp."result_count_pending" ("task_id", "metric_id", "shots", "filter", "model_id", "results", "placed")
    SELECT r.task_id, r.metric_id, r.shots, r.filter, c.model_id, count(*), count(*) FILTER (WHERE c.tokens_seen IS NOT NULL)
    FROM new_rows r JOIN "checkpoint" c ON c.id = r.checkpoint_id
    GROUP BY r.task_id, r.metric_id, r.shots, r.filter, c.model_id;
  ELSE
    WITH g AS MATERIALIZED (
      SELECT r.task_id, r.metric_id, r.shots, r.filter, c.model_id, count(*) AS results,
             count(*) FILTER (WHERE c.tokens_seen IS NOT NULL) AS placed
      FROM new_rows r JOIN "checkpoint" c ON c.id = r.checkpoint_id
      GROUP BY r.task_id, r.metric_id, r.shots, r.filter, c.model_id
    )
    INSERT INTO "result_count" AS rc ("task_id", "metric_id", "shots", "filter", "model_id", "results", "placed")
    SELECT * FROM g
    -- in key order, so concurrent uploads lock shared counters in the same order
    ORDER BY task_id, metric_id, shots, filter COLLATE "C", model_id
    ON CONFLICT ("task_id", "metric_id", "shots", "filter", "model_id") DO UPDATE
      SET "results" = rc."results" + EXCLUDED."results", "placed" = rc."placed" + EXCLUDED."placed";
  END IF;
  -- a file's few hundred checkpoints: counted per statement either way
  INSERT INTO "checkpoint_result_count" AS cc ("checkpoint_id", "results")
  SELECT checkpoint_id, count(*) FROM new_rows GROUP BY checkpoint_id ORDER BY checkpoint_id
  ON CONFLICT ("checkpoint_id") DO UPDATE SET "results" = cc."results" + EXCLUDED."results";
  RETURN NULL;
END
$$;

-- The triggers that lower or move counters fold deferred ones first, so they never adjust
-- a counter that is still pending (no writer deletes or re-places results mid-file today).
CREATE OR REPLACE FUNCTION "result_count_delete"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- counters deferred by the bulk writer are folded first: this adjusts the counters themselves
  PERFORM "result_counts_fold"();
  WITH gone AS (
    SELECT r.task_id, r.metric_id, r.shots, r.filter, c.model_id, count(*) AS results,
           count(*) FILTER (WHERE c.tokens_seen IS NOT NULL) AS placed
    FROM old_rows r JOIN "checkpoint" c ON c.id = r.checkpoint_id
    GROUP BY r.task_id, r.metric_id, r.shots, r.filter, c.model_id
  ), lowered AS (
    UPDATE "result_count" rc SET "results" = rc."results" - g.results, "placed" = rc."placed" - g.placed
    FROM gone g
    WHERE rc.task_id = g.task_id AND rc.metric_id = g.metric_id AND coalesce(rc.shots, -1) = coalesce(g.shots, -1)
      AND rc.filter = g.filter AND rc.model_id = g.model_id AND rc."results" > g.results
    RETURNING 1
  )
  DELETE FROM "result_count" rc USING gone g
  WHERE rc.task_id = g.task_id AND rc.metric_id = g.metric_id AND coalesce(rc.shots, -1) = coalesce(g.shots, -1)
    AND rc.filter = g.filter AND rc.model_id = g.model_id AND rc."results" <= g.results;
  WITH gone AS (SELECT checkpoint_id, count(*) AS results FROM old_rows GROUP BY checkpoint_id),
  lowered AS (
    UPDATE "checkpoint_result_count" cc SET "results" = cc."results" - g.results
    FROM gone g WHERE cc.checkpoint_id = g.checkpoint_id AND cc."results" > g.results
    RETURNING 1
  )
  DELETE FROM "checkpoint_result_count" cc USING gone g WHERE cc.checkpoint_id = g.checkpoint_id AND cc."results" <= g.results;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "result_delete_with_checkpoints"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- counters deferred by the bulk writer are folded first: this adjusts the counters themselves
  PERFORM "result_counts_fold"();
  WITH gone AS (
    SELECT r.task_id, r.metric_id, r.shots, r.filter, o.model_id, count(*) AS results,
           count(*) FILTER (WHERE o.tokens_seen IS NOT NULL) AS placed
    FROM "result" r JOIN old_rows o ON o.id = r.checkpoint_id
    GROUP BY r.task_id, r.metric_id, r.shots, r.filter, o.model_id
  ), lowered AS (
    UPDATE "result_count" rc SET "results" = rc."results" - g.results, "placed" = rc."placed" - g.placed
    FROM gone g
    WHERE rc.task_id = g.task_id AND rc.metric_id = g.metric_id AND coalesce(rc.shots, -1) = coalesce(g.shots, -1)
      AND rc.filter = g.filter AND rc.model_id = g.model_id AND rc."results" > g.results
    RETURNING 1
  )
  DELETE FROM "result_count" rc USING gone g
  WHERE rc.task_id = g.task_id AND rc.metric_id = g.metric_id AND coalesce(rc.shots, -1) = coalesce(g.shots, -1)
    AND rc.filter = g.filter AND rc.model_id = g.model_id AND rc."results" <= g.results;
  DELETE FROM "result" r USING old_rows o WHERE r.checkpoint_id = o.id;
  RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION "result_count_checkpoint_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- counters deferred by the bulk writer are folded first: this adjusts the counters themselves
  PERFORM "result_counts_fold"();
  IF NOT EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id
                 WHERE (o.tokens_seen IS NULL) <> (n.tokens_seen IS NULL) OR o.model_id <> n.model_id) THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE o.model_id <> n.model_id) THEN
    RAISE EXCEPTION 'a checkpoint never moves to another model' USING ERRCODE = 'restrict_violation';
  END IF;
  UPDATE "result_count" rc SET "placed" = rc."placed" + d.delta
  FROM (
    SELECT r.task_id, r.metric_id, r.shots, r.filter, n.model_id,
           sum(CASE WHEN n.tokens_seen IS NULL THEN -1 ELSE 1 END) AS delta
    FROM old_rows o JOIN new_rows n ON n.id = o.id AND (o.tokens_seen IS NULL) <> (n.tokens_seen IS NULL)
    JOIN "result" r ON r.checkpoint_id = n.id
    GROUP BY r.task_id, r.metric_id, r.shots, r.filter, n.model_id
  ) d
  WHERE rc.task_id = d.task_id AND rc.metric_id = d.metric_id AND coalesce(rc.shots, -1) = coalesce(d.shots, -1)
    AND rc.filter = d.filter AND rc.model_id = d.model_id;
  RETURN NULL;
END
$$;

-- CREATE OR REPLACE dropped the settings faster_result_triggers gave this function
ALTER FUNCTION "result_count_delete"() SET work_mem = '64MB';
ALTER FUNCTION "result_count_delete"() SET max_parallel_workers_per_gather = 0;
