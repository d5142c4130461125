-- Hand-written (issue 12): the statement-level triggers on result, measured at 300k rows
-- (COPY 7.2 s with them, 3.5 s without), ran their joins as nested loops per row and
-- sorted their aggregates on disk. Same guarantees, cheaper shape:
--   * references and bounds are checked once per distinct id, not per row: one pass over
--     the statement's rows builds the distinct checkpoint, task, metric and upload ids
--     (hashed grouping sets) with each metric's lowest and highest value;
--   * the functions run with enough work_mem to hash their aggregates in memory, and
--     without parallel workers (which only add start-up cost to a trigger's statement).
CREATE OR REPLACE FUNCTION "result_check_rows"() RETURNS trigger
LANGUAGE plpgsql
SET work_mem = '64MB' SET max_parallel_workers_per_gather = 0
AS $$
DECLARE
  bad record;
BEGIN
  SELECT CASE WHEN k.checkpoint_id IS NOT NULL AND c.id IS NULL THEN 'checkpoint ' || k.checkpoint_id
              WHEN k.task_id IS NOT NULL AND t.id IS NULL THEN 'task ' || k.task_id
              WHEN k.metric_id IS NOT NULL AND m.id IS NULL THEN 'metric ' || k.metric_id
              WHEN k.upload_id IS NOT NULL AND u.id IS NULL THEN 'upload ' || k.upload_id END AS missing,
         m.name AS metric, CASE WHEN k.lo < m.lower_bound THEN k.lo ELSE k.hi END AS value, m.lower_bound, m.upper_bound
  INTO bad
  FROM (SELECT checkpoint_id, task_id, metric_id, upload_id, min(value) AS lo, max(value) AS hi
        FROM new_rows GROUP BY GROUPING SETS ((checkpoint_id), (task_id), (metric_id), (upload_id))) k
  LEFT JOIN "checkpoint" c ON c.id = k.checkpoint_id
  LEFT JOIN "task" t ON t.id = k.task_id
  LEFT JOIN "metric" m ON m.id = k.metric_id
  LEFT JOIN "upload" u ON u.id = k.upload_id
  WHERE (k.checkpoint_id IS NOT NULL AND c.id IS NULL) OR (k.task_id IS NOT NULL AND t.id IS NULL)
     OR (k.metric_id IS NOT NULL AND (m.id IS NULL OR k.lo < m.lower_bound OR k.hi > m.upper_bound))
     OR (k.upload_id IS NOT NULL AND u.id IS NULL)
  LIMIT 1;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF bad.missing IS NOT NULL THEN
    RAISE EXCEPTION 'result refers to a missing %', bad.missing
      USING ERRCODE = 'foreign_key_violation', TABLE = 'result', CONSTRAINT = 'result_references';
  END IF;
  RAISE EXCEPTION 'result value % is outside the bounds [%, %] of metric "%"',
      bad.value, coalesce(bad.lower_bound::text, '-inf'), coalesce(bad.upper_bound::text, 'inf'), bad.metric
    USING ERRCODE = 'check_violation', TABLE = 'result', CONSTRAINT = 'result_value_within_metric_bounds';
END
$$;

ALTER FUNCTION "result_count_insert"() SET work_mem = '64MB';
ALTER FUNCTION "result_count_insert"() SET max_parallel_workers_per_gather = 0;
ALTER FUNCTION "result_count_delete"() SET work_mem = '64MB';
ALTER FUNCTION "result_count_delete"() SET max_parallel_workers_per_gather = 0;
