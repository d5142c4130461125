-- Hand-written (issue 12, write path). The count trigger on result cost about 12 of the
-- 28 s a 1M-row COPY into result took (4 statements of 250k rows; each touches all of
-- its ~66k task-view × model counters). Measured per 250k-row statement with
-- auto_explain: 2.2 s for the first, 3.4 s for a later one. Same counts, cheaper shape:
--   * the statement's rows are grouped by hashing (a materialized aggregate) and only
--     the groups are sorted, not the 250k rows by their text keys (0.85 s -> 0.4 s);
--     the sort keeps one lock order for concurrent writers ("C" order for the filter);
--   * result_count leaves half of each page free, so adding to a counter that exists is
--     a heap-only update (no new index entries): 2.75 s -> 1.0 s per 66k counters.
CREATE OR REPLACE FUNCTION "result_count_insert"() RETURNS trigger
LANGUAGE plpgsql
SET work_mem = '64MB' SET max_parallel_workers_per_gather = 0
AS $$
BEGIN
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
  INSERT INTO "checkpoint_result_count" AS cc ("checkpoint_id", "results")
  SELECT checkpoint_id, count(*) FROM new_rows GROUP BY checkpoint_id ORDER BY checkpoint_id
  ON CONFLICT ("checkpoint_id") DO UPDATE SET "results" = cc."results" + EXCLUDED."results";
  RETURN NULL;
END
$$;

ALTER TABLE "result_count" SET (fillfactor = 50);
ALTER TABLE "checkpoint_result_count" SET (fillfactor = 50);
