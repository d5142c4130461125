-- CreateTable
CREATE TABLE "model_family" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "model_family_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "family_id" INTEGER,
    "parameters" DOUBLE PRECISION,
    "training_tokens" DOUBLE PRECISION,
    "training_flops" DOUBLE PRECISION,
    "flops_estimated" BOOLEAN NOT NULL DEFAULT false,
    "tokens_per_step" DOUBLE PRECISION,
    "final_step" INTEGER,
    "scale_source" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_alias" (
    "alias" TEXT NOT NULL,
    "model_id" INTEGER NOT NULL,

    CONSTRAINT "model_alias_pkey" PRIMARY KEY ("alias")
);

-- CreateTable
CREATE TABLE "checkpoint" (
    "id" SERIAL NOT NULL,
    "model_id" INTEGER NOT NULL,
    "revision" TEXT NOT NULL,
    "step" INTEGER,
    "tokens_seen" DOUBLE PRECISION,
    "is_final" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "checkpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "suite" TEXT,
    "chance" DOUBLE PRECISION,
    "chance_source" TEXT,
    "item_count" INTEGER,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metric" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "higher_is_better" BOOLEAN,
    "lower_bound" DOUBLE PRECISION,
    "upper_bound" DOUBLE PRECISION,
    "kind" TEXT,

    CONSTRAINT "metric_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "upload" (
    "id" SERIAL NOT NULL,
    "file_name" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "parsed" INTEGER NOT NULL,
    "inserted" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "skipped" INTEGER NOT NULL,
    "note" TEXT,

    CONSTRAINT "upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "result" (
    "id" BIGSERIAL NOT NULL,
    "checkpoint_id" INTEGER NOT NULL,
    "task_id" INTEGER NOT NULL,
    "metric_id" INTEGER NOT NULL,
    "shots" INTEGER,
    "filter" TEXT NOT NULL DEFAULT 'none',
    "value" DOUBLE PRECISION NOT NULL,
    "stderr" DOUBLE PRECISION,
    "n" INTEGER,
    "upload_id" INTEGER,

    CONSTRAINT "result_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "model_family_name_key" ON "model_family"("name");

-- CreateIndex
CREATE UNIQUE INDEX "model_name_key" ON "model"("name");

-- CreateIndex
CREATE INDEX "model_alias_model_id_idx" ON "model_alias"("model_id");

-- CreateIndex
CREATE UNIQUE INDEX "checkpoint_model_id_revision_key" ON "checkpoint"("model_id", "revision");

-- CreateIndex
CREATE UNIQUE INDEX "task_name_key" ON "task"("name");

-- CreateIndex
CREATE UNIQUE INDEX "metric_name_key" ON "metric"("name");

-- CreateIndex
CREATE UNIQUE INDEX "upload_sha256_key" ON "upload"("sha256");

-- CreateIndex
CREATE INDEX "result_task_id_metric_id_shots_idx" ON "result"("task_id", "metric_id", "shots");

-- CreateIndex
CREATE INDEX "result_upload_id_idx" ON "result"("upload_id");

-- CreateIndex
CREATE UNIQUE INDEX "result_natural_key" ON "result"("checkpoint_id", "task_id", "metric_id", "shots", "filter");

-- AddForeignKey
ALTER TABLE "model" ADD CONSTRAINT "model_family_id_fkey" FOREIGN KEY ("family_id") REFERENCES "model_family"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_alias" ADD CONSTRAINT "model_alias_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "checkpoint" ADD CONSTRAINT "checkpoint_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "model"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_checkpoint_id_fkey" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_task_id_fkey" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_metric_id_fkey" FOREIGN KEY ("metric_id") REFERENCES "metric"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "result" ADD CONSTRAINT "result_upload_id_fkey" FOREIGN KEY ("upload_id") REFERENCES "upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;
