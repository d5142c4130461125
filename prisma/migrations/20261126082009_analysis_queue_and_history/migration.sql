-- CreateTable
CREATE TABLE "result_superseded" (
    "id" BIGSERIAL NOT NULL,
    "checkpoint_id" INTEGER NOT NULL,
    "task_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "shots" INTEGER,
    "filter" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "stderr" DOUBLE PRECISION,
    "n" INTEGER,
    "upload_id" INTEGER NOT NULL,
    "superseded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "result_superseded_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "analysis_queue" (
    "ticket" BIGSERIAL NOT NULL,
    "task_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "shots" INTEGER,
    "enqueued_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analysis_queue_pkey" PRIMARY KEY ("ticket")
);

-- CreateIndex
CREATE INDEX "result_superseded_checkpoint_id_task_id_metric_id_shots_fil_idx" ON "result_superseded"("checkpoint_id", "task_id", "metric_id", "shots", "filter");

-- CreateIndex
CREATE INDEX "result_superseded_upload_id_idx" ON "result_superseded"("upload_id");

-- CreateIndex
CREATE UNIQUE INDEX "analysis_queue_view" ON "analysis_queue"("task_id", "metric_id", "shots");

-- AddForeignKey
ALTER TABLE "result_superseded" ADD CONSTRAINT "result_superseded_checkpoint_id_fkey" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_superseded" ADD CONSTRAINT "result_superseded_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_superseded" ADD CONSTRAINT "result_superseded_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result_superseded" ADD CONSTRAINT "result_superseded_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_queue" ADD CONSTRAINT "analysis_queue_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_queue" ADD CONSTRAINT "analysis_queue_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: unknown shots is NULL and must still name one task view.
DROP INDEX "analysis_queue_view";
CREATE UNIQUE INDEX "analysis_queue_view" ON "analysis_queue" ("task_id", "metric_id", "shots") NULLS NOT DISTINCT;

-- Hand-written: when an upload replaces a value another upload stored, keep the
-- replaced row, so deleting the later upload can bring it back. Row-level and only
-- on UPDATE: a bulk insert of new results pays nothing. Not when the upload itself
-- goes (ON DELETE SET NULL sets upload_id to NULL).
CREATE FUNCTION "result_keep_superseded"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "result_superseded" ("checkpoint_id", "task_id", "metric_id", "shots", "filter", "value", "stderr", "n", "upload_id")
  VALUES (OLD."checkpoint_id", OLD."task_id", OLD."metric_id", OLD."shots", OLD."filter", OLD."value", OLD."stderr", OLD."n", OLD."upload_id");
  RETURN NEW;
END
$$;

CREATE TRIGGER "result_keep_superseded"
  BEFORE UPDATE ON "result"
  FOR EACH ROW
  WHEN (OLD."upload_id" IS NOT NULL AND NEW."upload_id" IS NOT NULL AND OLD."upload_id" <> NEW."upload_id")
  EXECUTE FUNCTION "result_keep_superseded"();
