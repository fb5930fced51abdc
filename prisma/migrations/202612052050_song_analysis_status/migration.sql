-- CreateEnum
CREATE TYPE "AnalysisStatus" AS ENUM ('ANALYSING', 'READY', 'FAILED');

-- AlterTable: every existing song was analysed before its row was written, so READY.
ALTER TABLE "Song" ADD COLUMN     "analysisAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "analysisErrorCode" TEXT,
ADD COLUMN     "analysisErrorMessage" TEXT,
ADD COLUMN     "analysisLeaseUntil" TIMESTAMP(3),
ADD COLUMN     "analysisStatus" "AnalysisStatus" NOT NULL DEFAULT 'READY';

-- CreateIndex
CREATE INDEX "Song_analysisStatus_analysisLeaseUntil_idx" ON "Song"("analysisStatus", "analysisLeaseUntil");
