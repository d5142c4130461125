-- Hand-written (issue 12, reads at 10M). What the read routes used to aggregate from
-- every result row per request (a task's metrics, shots and filters; the models with
-- checkpoints on a view; results per task and per model), kept per task view and
-- model at write time by statement-level triggers: one aggregate over a statement's
-- rows, never a scan of the store.
CREATE TABLE "result_count" (
  "id" BIGSERIAL PRIMARY KEY,
  "task_id" INTEGER NOT NULL,
  "metric_id" INTEGER NOT NULL,
  "shots" INTEGER,
  "filter" TEXT NOT NULL,
  "model_id" INTEGER NOT NULL,
  -- results of the model's checkpoints on this view
  "results" INTEGER NOT NULL CHECK ("results" > 0),
  -- of which on a checkpoint with known tokens seen (what the checkpoint axis can place)
  "placed" INTEGER NOT NULL CHECK ("placed" >= 0 AND "placed" <= "results")
);
CREATE UNIQUE INDEX "result_count_key"
  ON "result_count" ("task_id", "metric_id", "shots", "filter", "model_id") NULLS NOT DISTINCT;
CREATE INDEX "result_count_model_id_idx" ON "result_count" ("model_id");

-- Results per checkpoint (a model's checkpoint list), by the same triggers.
CREATE TABLE "checkpoint_result_count" (
  "checkpoint_id" INTEGER PRIMARY KEY,
  "results" INTEGER NOT NULL CHECK ("results" > 0)
);

CREATE FUNCTION "result_count_insert"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "result_count" AS rc ("task_id", "metric_id", "shots", "filter", "model_id", "results", "placed")
  SELECT r.task_id, r.metric_id, r.shots, r.filter, c.model_id, count(*), count(*) FILTER (WHERE c.tokens_seen IS NOT NULL)
  FROM new_rows r JOIN "checkpoint" c ON c.id = r.checkpoint_id
  GROUP BY r.task_id, r.metric_id, r.shots, r.filter, c.model_id
  -- in key order, so concurrent uploads lock shared counters in the same order
  ORDER BY r.task_id, r.metric_id, r.shots, r.filter, c.model_id
  ON CONFLICT ("task_id", "metric_id", "shots", "filter", "model_id") DO UPDATE
    SET "results" = rc."results" + EXCLUDED."results", "placed" = rc."placed" + EXCLUDED."placed";
  INSERT INTO "checkpoint_result_count" AS cc ("checkpoint_id", "results")
  SELECT checkpoint_id, count(*) FROM new_rows GROUP BY checkpoint_id ORDER BY checkpoint_id
  ON CONFLICT ("checkpoint_id") DO UPDATE SET "results" = cc."results" + EXCLUDED."results";
  RETURN NULL;
END
$$;
CREATE TRIGGER "result_count_insert"
  AFTER INSERT ON "result" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_count_insert"();

-- Joins compare shots as coalesce(shots, -1) (shots is >= 0 or NULL) so that they can hash.
-- Rows whose checkpoint is already gone were counted out by the checkpoint's own delete trigger.
CREATE FUNCTION "result_count_delete"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER "result_count_delete"
  AFTER DELETE ON "result" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_count_delete"();

-- A result's key never changes (writers update value, stderr, n and upload_id only):
-- the counts above rely on it. Fires only for statements that set a key column.
CREATE FUNCTION "result_refuse_key_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the key of a result (checkpoint, task, metric, shots, filter) never changes: delete and insert instead'
    USING ERRCODE = 'restrict_violation';
END
$$;
CREATE TRIGGER "result_key_fixed"
  BEFORE UPDATE OF "checkpoint_id", "task_id", "metric_id", "shots", "filter" ON "result"
  FOR EACH ROW
  WHEN ((OLD.checkpoint_id, OLD.task_id, OLD.metric_id, OLD.shots, OLD.filter) IS DISTINCT FROM
        (NEW.checkpoint_id, NEW.task_id, NEW.metric_id, NEW.shots, NEW.filter))
  EXECUTE FUNCTION "result_refuse_key_change"();

-- A checkpoint's results leave the counts with it (result's own delete trigger can
-- no longer find its model), then go (lean_result_writes).
CREATE OR REPLACE FUNCTION "result_delete_with_checkpoints"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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

-- A checkpoint whose tokens seen become known (or unknown) moves its results in or
-- out of `placed`. Rare (a model's tokens per step learned later); one scan of result then.
CREATE FUNCTION "result_count_checkpoint_update"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER "result_count_checkpoint_update"
  AFTER UPDATE ON "checkpoint" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_count_checkpoint_update"();

INSERT INTO "result_count" ("task_id", "metric_id", "shots", "filter", "model_id", "results", "placed")
SELECT r.task_id, r.metric_id, r.shots, r.filter, c.model_id, count(*), count(*) FILTER (WHERE c.tokens_seen IS NOT NULL)
FROM "result" r JOIN "checkpoint" c ON c.id = r.checkpoint_id
GROUP BY r.task_id, r.metric_id, r.shots, r.filter, c.model_id;
INSERT INTO "checkpoint_result_count" ("checkpoint_id", "results")
SELECT checkpoint_id, count(*) FROM "result" GROUP BY checkpoint_id;

-- The overview selects the curves of one axis with the columns it filters, ranks and
-- counts by: all in the index (an index-only scan), p-values in order; the analysis
-- JSON is read for the page's rows only. (Its always-true predicate keeps Prisma's diff,
-- which cannot express INCLUDE, from proposing to drop it.)
CREATE INDEX "curve_analysis_overview_idx" ON "curve_analysis" ("axis", "p_value", "id")
  INCLUDE ("task_id", "metric_id", "shots", "filter", "family", "verdict", "score") WHERE "axis" IS NOT NULL;

-- The final checkpoints, from which a task view's scale points are probed.
CREATE INDEX "checkpoint_final_idx" ON "checkpoint" ("id") WHERE "is_final";
