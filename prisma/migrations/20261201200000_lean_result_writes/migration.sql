-- Hand-written (issue 12, a lean write path). The four row-level foreign keys of
-- "result" cost most of a bulk write (each probed its parent's index and locked the
-- parent row once per row: the full table took 25k rows/s against 110k without them).
-- They are replaced by the same guarantees at statement level:
--   * every written row's checkpoint, task, metric and (non-null) upload exists:
--     checked by one AFTER ... FOR EACH STATEMENT trigger over the statement's rows
--     (one pass, hash joins against the small parent tables), together with the
--     metric-bounds check that already ran there; any writer, any statement;
--   * the bulk writer (lib/db/write-ingest-plan.ts) also locks the parents it
--     references FOR KEY SHARE in its transaction, as a foreign key would, so a
--     concurrent delete of a parent waits for the upload;
--   * deleting a checkpoint or a task deletes its results, deleting an upload sets
--     their upload_id to NULL, deleting a metric that still has results is refused:
--     statement-level triggers on the parents, as the ON DELETE rules did.

ALTER TABLE "result"
  DROP CONSTRAINT "result_checkpoint_id_fkey",
  DROP CONSTRAINT "result_task_id_fkey",
  DROP CONSTRAINT "result_metric_id_fkey",
  DROP CONSTRAINT "result_upload_id_fkey";

-- One index serves the natural key and the reads of a task view (task, metric,
-- shots, filter, then the checkpoints): the separate (task_id, metric_id, shots)
-- index is gone, one index less to maintain per written row.
DROP INDEX "result_task_id_metric_id_shots_idx";
DROP INDEX "result_natural_key";
CREATE UNIQUE INDEX "result_natural_key"
  ON "result" ("task_id", "metric_id", "shots", "filter", "checkpoint_id") NULLS NOT DISTINCT;

DROP TRIGGER "result_value_within_metric_bounds_insert" ON "result";
DROP TRIGGER "result_value_within_metric_bounds_update" ON "result";
DROP FUNCTION "result_check_value_within_metric_bounds"();

CREATE FUNCTION "result_check_rows"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT r.checkpoint_id, r.task_id, r.metric_id, r.upload_id, r.value,
         c.id IS NULL AS no_checkpoint, t.id IS NULL AS no_task, m.id IS NULL AS no_metric,
         (r.upload_id IS NOT NULL AND u.id IS NULL) AS no_upload,
         m.name AS metric, m.lower_bound, m.upper_bound
  INTO bad
  FROM new_rows r
  LEFT JOIN "checkpoint" c ON c.id = r.checkpoint_id
  LEFT JOIN "task" t ON t.id = r.task_id
  LEFT JOIN "metric" m ON m.id = r.metric_id
  LEFT JOIN "upload" u ON u.id = r.upload_id
  WHERE c.id IS NULL OR t.id IS NULL OR m.id IS NULL OR (r.upload_id IS NOT NULL AND u.id IS NULL)
     OR r.value < m.lower_bound OR r.value > m.upper_bound
  LIMIT 1;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF bad.no_checkpoint OR bad.no_task OR bad.no_metric OR bad.no_upload THEN
    RAISE EXCEPTION 'result refers to a missing %',
        CASE WHEN bad.no_checkpoint THEN 'checkpoint ' || bad.checkpoint_id
             WHEN bad.no_task THEN 'task ' || bad.task_id
             WHEN bad.no_metric THEN 'metric ' || bad.metric_id
             ELSE 'upload ' || bad.upload_id END
      USING ERRCODE = 'foreign_key_violation', TABLE = 'result', CONSTRAINT = 'result_references';
  END IF;
  RAISE EXCEPTION 'result value % is outside the bounds [%, %] of metric "%"',
      bad.value, coalesce(bad.lower_bound::text, '-inf'), coalesce(bad.upper_bound::text, 'inf'), bad.metric
    USING ERRCODE = 'check_violation', TABLE = 'result', CONSTRAINT = 'result_value_within_metric_bounds';
END
$$;

CREATE TRIGGER "result_check_rows_insert"
  AFTER INSERT ON "result" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_check_rows"();

CREATE TRIGGER "result_check_rows_update"
  AFTER UPDATE ON "result" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_check_rows"();

-- The parents' ON DELETE rules, once per statement.
CREATE FUNCTION "result_delete_with_checkpoints"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "result" r USING old_rows o WHERE r.checkpoint_id = o.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER "checkpoint_delete_results"
  AFTER DELETE ON "checkpoint" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_delete_with_checkpoints"();

CREATE FUNCTION "result_delete_with_tasks"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "result" r USING old_rows o WHERE r.task_id = o.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER "task_delete_results"
  AFTER DELETE ON "task" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_delete_with_tasks"();

CREATE FUNCTION "result_forget_deleted_uploads"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "result" r SET upload_id = NULL FROM old_rows o WHERE r.upload_id = o.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER "upload_forget_results"
  AFTER DELETE ON "upload" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_forget_deleted_uploads"();

CREATE FUNCTION "result_keep_metrics"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  used text;
BEGIN
  SELECT o.name INTO used FROM old_rows o WHERE EXISTS (SELECT 1 FROM "result" r WHERE r.metric_id = o.id) LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'metric "%" still has results', used
      USING ERRCODE = 'foreign_key_violation', TABLE = 'metric', CONSTRAINT = 'result_metric_in_use';
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER "metric_keep_used"
  AFTER DELETE ON "metric" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_keep_metrics"();

-- Ids are never renumbered (the foreign keys said ON UPDATE CASCADE): refuse it outright.
CREATE FUNCTION "refuse_id_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the id of a % row never changes', TG_TABLE_NAME USING ERRCODE = 'foreign_key_violation';
END
$$;
CREATE TRIGGER "checkpoint_id_fixed" BEFORE UPDATE OF id ON "checkpoint" FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION "refuse_id_change"();
CREATE TRIGGER "task_id_fixed" BEFORE UPDATE OF id ON "task" FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION "refuse_id_change"();
CREATE TRIGGER "metric_id_fixed" BEFORE UPDATE OF id ON "metric" FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION "refuse_id_change"();
CREATE TRIGGER "upload_id_fixed" BEFORE UPDATE OF id ON "upload" FOR EACH ROW WHEN (OLD.id <> NEW.id) EXECUTE FUNCTION "refuse_id_change"();
