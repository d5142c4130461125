-- Hand-written (issue 12, write path). The count trigger on result cost about 12 of the
-- 28 s a 1M-row COPY into result took; the ingest writes a file in 4 statements of 250k
-- rows (reading and writing overlap), and each touched all of the file's ~66k
-- task-view × model counters again: in SQL, 4 statements took 21.6–23.3 s against
-- 17.8–18.8 s for one statement of 1M, and 14.4 against 14.6 s with the count trigger off.
-- Same counts, cheaper:
--   * a statement's rows are grouped by hashing (a materialized aggregate), and only the
--     groups are sorted, not the 250k rows by their text keys (0.85 s -> 0.4 s a statement);
--   * result_count leaves half of each page free, so adding to a counter that exists is a
--     heap-only update (no new index entries): 2.75 s -> 1.0 s per 66k counters;
--   * the bulk writer (lib/db/write-ingest-plan.ts) defers the counters to the end of its
--     file: each statement's groups go to a temporary table, and one upsert folds them into
--     result_count (4 deferred statements: 19.0–19.4 s). Every other writer keeps counting
--     per statement.
--
-- Deferral is transaction-local (set_config(..., true)): it ends with the transaction and
-- is undone with a rolled-back savepoint, as are the pending rows. A transaction that
-- defers must fold before it commits: the writer's last statement is result_counts_end().
-- Anything that lowers or moves counters (a delete of results or checkpoints, a checkpoint's
-- new tokens seen) folds pending counters first, by a BEFORE statement trigger.

ALTER TABLE "result_count" SET (fillfactor = 50);
ALTER TABLE "checkpoint_result_count" SET (fillfactor = 50);

-- Adds groups of results to their counters: the one upsert of result_count.
CREATE FUNCTION "result_count_add"(
  task_ids INTEGER[], metric_ids INTEGER[], shot_values INTEGER[], filters TEXT[], model_ids INTEGER[], result_totals BIGINT[], placed_totals BIGINT[]
) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO "result_count" AS rc ("task_id", "metric_id", "shots", "filter", "model_id", "results", "placed")
  SELECT * FROM unnest(task_ids, metric_ids, shot_values, filters, model_ids, result_totals, placed_totals) AS g(task_id, metric_id, shots, filter, model_id, results, placed)
  -- in key order, so concurrent uploads lock shared counters in the same order
  ORDER BY task_id, metric_id, shots, filter COLLATE "C", model_id
  ON CONFLICT ("task_id", "metric_id", "shots", "filter", "model_id") DO UPDATE
    SET "results" = rc."results" + EXCLUDED."results", "placed" = rc."placed" + EXCLUDED."placed";
$$;

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

-- Folds the pending counters into result_count (nothing when not deferring); deferral goes on.
CREATE FUNCTION "result_counts_fold"() RETURNS void
LANGUAGE plpgsql
SET work_mem = '64MB' SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
  IF current_setting('atlas.result_counts_deferred', true) IS DISTINCT FROM 'on' THEN
    RETURN;
  END IF;
  PERFORM "result_count_add"(array_agg(task_id), array_agg(metric_id), array_agg(shots), array_agg(filter),
                             array_agg(model_id), array_agg(results), array_agg(placed))
  FROM (SELECT task_id, metric_id, shots, filter, model_id, sum(results)::bigint AS results, sum(placed)::bigint AS placed
        FROM pg_temp."result_count_pending" GROUP BY task_id, metric_id, shots, filter, model_id) g;
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
DECLARE
  t INTEGER[]; m INTEGER[]; s INTEGER[]; f TEXT[]; mo INTEGER[]; r BIGINT[]; p BIGINT[];
BEGIN
  WITH g AS MATERIALIZED (
    SELECT n.task_id, n.metric_id, n.shots, n.filter, c.model_id, count(*) AS results,
           count(*) FILTER (WHERE c.tokens_seen IS NOT NULL) AS placed
    FROM new_rows n JOIN "checkpoint" c ON c.id = n.checkpoint_id
    GROUP BY n.task_id, n.metric_id, n.shots, n.filter, c.model_id
  )
  SELECT array_agg(task_id), array_agg(metric_id), array_agg(shots), array_agg(filter), array_agg(model_id), array_agg(results), array_agg(placed)
  INTO t, m, s, f, mo, r, p FROM g;
  IF current_setting('atlas.result_counts_deferred', true) = 'on' THEN
    -- the bulk writer folds these into result_count once, at the end of its file
    INSERT INTO pg_temp."result_count_pending" ("task_id", "metric_id", "shots", "filter", "model_id", "results", "placed")
    SELECT * FROM unnest(t, m, s, f, mo, r, p);
  ELSE
    PERFORM "result_count_add"(t, m, s, f, mo, r, p);
  END IF;
  -- a file's few hundred checkpoints: counted per statement either way
  INSERT INTO "checkpoint_result_count" AS cc ("checkpoint_id", "results")
  SELECT checkpoint_id, count(*) FROM new_rows GROUP BY checkpoint_id ORDER BY checkpoint_id
  ON CONFLICT ("checkpoint_id") DO UPDATE SET "results" = cc."results" + EXCLUDED."results";
  RETURN NULL;
END
$$;

CREATE FUNCTION "result_counts_fold_first"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "result_counts_fold"();
  RETURN NULL;
END
$$;
CREATE TRIGGER "result_counts_fold_before_delete" BEFORE DELETE ON "result"
  FOR EACH STATEMENT EXECUTE FUNCTION "result_counts_fold_first"();
CREATE TRIGGER "result_counts_fold_before_checkpoint_delete" BEFORE DELETE ON "checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "result_counts_fold_first"();
CREATE TRIGGER "result_counts_fold_before_checkpoint_update" BEFORE UPDATE ON "checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION "result_counts_fold_first"();
