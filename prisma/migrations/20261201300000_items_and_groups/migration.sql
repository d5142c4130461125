-- AlterTable: a task that aggregates others (an lm-eval group such as mmlu, an
-- OpenCompass summary) is marked, so overviews never count it beside its subtasks.
ALTER TABLE "task" ADD COLUMN "is_group" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "result_item" (
    "id" BIGSERIAL NOT NULL,
    "checkpoint_id" INTEGER NOT NULL,
    "task_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "shots" INTEGER,
    "filter" TEXT NOT NULL DEFAULT 'none',
    "doc_id" TEXT,
    "doc_hash" TEXT,
    "epoch" INTEGER,
    "value" DOUBLE PRECISION,
    "target" TEXT,
    "response" TEXT,
    "upload_id" INTEGER NOT NULL,

    CONSTRAINT "result_item_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "result_item_upload_id_idx" ON "result_item"("upload_id");

-- AddForeignKey
ALTER TABLE "result_item" ADD CONSTRAINT "result_item_checkpoint_id_fkey" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "result_item" ADD CONSTRAINT "result_item_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "result_item" ADD CONSTRAINT "result_item_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "result_item" ADD CONSTRAINT "result_item_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "upload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written below: Prisma cannot express NULLS NOT DISTINCT or CHECKs.

-- One item of one view once: re-ingesting the same item updates it. Unknown
-- shots, a missing doc id or hash and an unrepeated item (epoch NULL) are equal.
CREATE UNIQUE INDEX "result_item_natural_key"
  ON "result_item" ("checkpoint_id", "task_id", "metric_id", "shots", "filter", "doc_id", "doc_hash", "epoch") NULLS NOT DISTINCT;

ALTER TABLE "result_item"
  ADD CONSTRAINT "result_item_value_finite"
    CHECK ("value" IS NULL OR ("value" <> 'NaN'::float8 AND "value" <> 'Infinity'::float8 AND "value" <> '-Infinity'::float8)),
  ADD CONSTRAINT "result_item_doc_given" CHECK ("doc_id" IS NOT NULL OR "doc_hash" IS NOT NULL),
  ADD CONSTRAINT "result_item_shots_nonnegative" CHECK ("shots" IS NULL OR "shots" >= 0);
