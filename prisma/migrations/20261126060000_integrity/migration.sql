-- Integrity rules that schema.prisma cannot express. Hand-written; Prisma's
-- diff ignores CHECK constraints, triggers and NULLS NOT DISTINCT, so
-- `migrate dev` sees no drift from them.
--
-- Float columns: in Postgres 'NaN' = 'NaN' and NaN sorts above +Infinity, so
-- "finite" is spelled out explicitly.

-- result ---------------------------------------------------------------------
ALTER TABLE "result"
  ADD CONSTRAINT "result_value_finite"
    CHECK ("value" <> 'NaN'::float8 AND "value" <> 'Infinity'::float8 AND "value" <> '-Infinity'::float8),
  ADD CONSTRAINT "result_stderr_finite_nonnegative"
    CHECK ("stderr" IS NULL OR ("stderr" >= 0 AND "stderr" <> 'NaN'::float8 AND "stderr" <> 'Infinity'::float8)),
  ADD CONSTRAINT "result_n_positive" CHECK ("n" IS NULL OR "n" > 0),
  ADD CONSTRAINT "result_shots_nonnegative" CHECK ("shots" IS NULL OR "shots" >= 0);

-- Unknown shots is NULL, and re-ingesting the same number must still hit the
-- natural key: same columns and name as Prisma's index, but NULLS NOT DISTINCT
-- (PostgreSQL >= 15). INSERT ... ON CONFLICT (checkpoint_id, task_id,
-- metric_id, shots, filter) uses it as the arbiter.
DROP INDEX "result_natural_key";
CREATE UNIQUE INDEX "result_natural_key"
  ON "result" ("checkpoint_id", "task_id", "metric_id", "shots", "filter") NULLS NOT DISTINCT;

-- metric ---------------------------------------------------------------------
ALTER TABLE "metric"
  ADD CONSTRAINT "metric_lower_bound_finite"
    CHECK ("lower_bound" IS NULL OR ("lower_bound" <> 'NaN'::float8 AND "lower_bound" <> 'Infinity'::float8 AND "lower_bound" <> '-Infinity'::float8)),
  ADD CONSTRAINT "metric_upper_bound_finite"
    CHECK ("upper_bound" IS NULL OR ("upper_bound" <> 'NaN'::float8 AND "upper_bound" <> 'Infinity'::float8 AND "upper_bound" <> '-Infinity'::float8)),
  ADD CONSTRAINT "metric_bounds_ordered"
    CHECK ("lower_bound" IS NULL OR "upper_bound" IS NULL OR "lower_bound" <= "upper_bound");

-- model: scale facts are unknown (NULL) or finite and > 0 ---------------------
ALTER TABLE "model"
  ADD CONSTRAINT "model_parameters_positive"
    CHECK ("parameters" IS NULL OR ("parameters" > 0 AND "parameters" <> 'NaN'::float8 AND "parameters" <> 'Infinity'::float8)),
  ADD CONSTRAINT "model_training_tokens_positive"
    CHECK ("training_tokens" IS NULL OR ("training_tokens" > 0 AND "training_tokens" <> 'NaN'::float8 AND "training_tokens" <> 'Infinity'::float8)),
  ADD CONSTRAINT "model_training_flops_positive"
    CHECK ("training_flops" IS NULL OR ("training_flops" > 0 AND "training_flops" <> 'NaN'::float8 AND "training_flops" <> 'Infinity'::float8)),
  ADD CONSTRAINT "model_tokens_per_step_positive"
    CHECK ("tokens_per_step" IS NULL OR ("tokens_per_step" > 0 AND "tokens_per_step" <> 'NaN'::float8 AND "tokens_per_step" <> 'Infinity'::float8));

-- checkpoint -----------------------------------------------------------------
ALTER TABLE "checkpoint"
  ADD CONSTRAINT "checkpoint_step_nonnegative" CHECK ("step" IS NULL OR "step" >= 0),
  ADD CONSTRAINT "checkpoint_tokens_seen_nonnegative"
    CHECK ("tokens_seen" IS NULL OR ("tokens_seen" >= 0 AND "tokens_seen" <> 'NaN'::float8 AND "tokens_seen" <> 'Infinity'::float8));

-- result.value within its metric's [lower_bound, upper_bound] ------------------
-- Statement-level triggers over transition tables: one join of the statement's
-- new rows against metric per INSERT/UPDATE statement (a 1M-row bulk insert
-- costs one hash join, not 1M trigger calls). NULL bounds are open.
CREATE FUNCTION "result_check_value_within_metric_bounds"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT m.name, r.value, m.lower_bound, m.upper_bound INTO bad
  FROM new_rows r
  JOIN "metric" m ON m.id = r.metric_id
  WHERE r.value < m.lower_bound OR r.value > m.upper_bound
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'result value % is outside the bounds [%, %] of metric "%"',
        bad.value, coalesce(bad.lower_bound::text, '-inf'), coalesce(bad.upper_bound::text, 'inf'), bad.name
      USING ERRCODE = 'check_violation', TABLE = 'result', CONSTRAINT = 'result_value_within_metric_bounds';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "result_value_within_metric_bounds_insert"
  AFTER INSERT ON "result" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_check_value_within_metric_bounds"();

CREATE TRIGGER "result_value_within_metric_bounds_update"
  AFTER UPDATE ON "result" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "result_check_value_within_metric_bounds"();
