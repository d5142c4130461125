-- CreateTable
CREATE TABLE "curve_analysis" (
    "id" SERIAL NOT NULL,
    "task_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "shots" INTEGER,
    "axis" TEXT NOT NULL,
    "family" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "score" DOUBLE PRECISION,
    "p_value" DOUBLE PRECISION,
    "p_adjusted" DOUBLE PRECISION,
    "evidence" JSONB NOT NULL,
    "analysis" JSONB NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "curve_analysis_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "curve_analysis_verdict_idx" ON "curve_analysis"("verdict");

-- CreateIndex
CREATE UNIQUE INDEX "curve_analysis_key" ON "curve_analysis"("task_id", "metric_id", "shots", "axis", "family");

-- AddForeignKey
ALTER TABLE "curve_analysis" ADD CONSTRAINT "curve_analysis_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "curve_analysis" ADD CONSTRAINT "curve_analysis_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: unknown shots is NULL and must still identify one curve.
DROP INDEX "curve_analysis_key";
CREATE UNIQUE INDEX "curve_analysis_key"
  ON "curve_analysis" ("task_id", "metric_id", "shots", "axis", "family") NULLS NOT DISTINCT;

ALTER TABLE "curve_analysis"
  ADD CONSTRAINT "curve_analysis_axis" CHECK ("axis" IN ('params', 'tokens', 'flops')),
  ADD CONSTRAINT "curve_analysis_verdict"
    CHECK ("verdict" IN ('abrupt', 'smooth', 'flat-at-chance', 'declining', 'suspect-zero', 'insufficient')),
  ADD CONSTRAINT "curve_analysis_p_value" CHECK ("p_value" IS NULL OR ("p_value" >= 0 AND "p_value" <= 1)),
  ADD CONSTRAINT "curve_analysis_p_adjusted" CHECK ("p_adjusted" IS NULL OR ("p_adjusted" >= 0 AND "p_adjusted" <= 1));
