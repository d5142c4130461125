-- AlterTable
ALTER TABLE "analysis_queue" ADD COLUMN     "error" TEXT,
ADD COLUMN     "failed_at" TIMESTAMP(3);

