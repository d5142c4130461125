-- DropIndex
DROP INDEX "analysis_queue_view";

-- DropIndex
DROP INDEX "curve_analysis_key";

-- AlterTable
ALTER TABLE "analysis_queue" ADD COLUMN     "filter" TEXT NOT NULL DEFAULT 'none';

-- AlterTable
ALTER TABLE "curve_analysis" DROP COLUMN "evidence",
DROP COLUMN "p_adjusted",
ADD COLUMN     "filter" TEXT NOT NULL DEFAULT 'none',
ADD COLUMN     "p_smooth" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "task_metric" (
    "task_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "higher_is_better" BOOLEAN,
    "direction_source" TEXT,
    "chance" DOUBLE PRECISION,
    "chance_source" TEXT,

    CONSTRAINT "task_metric_pkey" PRIMARY KEY ("task_id","metric_id")
);

-- CreateIndex
CREATE INDEX "task_metric_metric_id_idx" ON "task_metric"("metric_id");

-- CreateIndex
CREATE UNIQUE INDEX "analysis_queue_view" ON "analysis_queue"("task_id", "metric_id", "shots", "filter");

-- CreateIndex
CREATE UNIQUE INDEX "curve_analysis_key" ON "curve_analysis"("task_id", "metric_id", "shots", "filter", "axis", "family");

-- AddForeignKey
ALTER TABLE "task_metric" ADD CONSTRAINT "task_metric_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_metric" ADD CONSTRAINT "task_metric_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Hand-written (issue 9): analyses are judged per view, so every stored analysis of the
-- old kind is dropped here and `npm start` re-analyses the store once (ensureAnalyses:
-- results but no analyses). Unknown shots are NULL and still identify one view.
TRUNCATE "curve_analysis";
DROP INDEX "curve_analysis_key";
CREATE UNIQUE INDEX "curve_analysis_key"
  ON "curve_analysis" ("task_id", "metric_id", "shots", "filter", "axis", "family") NULLS NOT DISTINCT;
DROP INDEX "analysis_queue_view";
CREATE UNIQUE INDEX "analysis_queue_view" ON "analysis_queue" ("task_id", "metric_id", "shots", "filter") NULLS NOT DISTINCT;

ALTER TABLE "curve_analysis"
  DROP CONSTRAINT "curve_analysis_verdict",
  ADD CONSTRAINT "curve_analysis_verdict"
    CHECK ("verdict" IN ('abrupt', 'smooth', 'near-floor', 'flat', 'declining', 'suspect-zero', 'cannot-tell')),
  ADD CONSTRAINT "curve_analysis_p_smooth" CHECK ("p_smooth" IS NULL OR ("p_smooth" >= 0 AND "p_smooth" <= 1));

ALTER TABLE "task_metric"
  ADD CONSTRAINT "task_metric_chance" CHECK ("chance" IS NULL OR ("chance" = "chance" AND "chance" NOT IN ('Infinity', '-Infinity')));
