-- AlterTable
ALTER TABLE "ChoreographyTask" ADD COLUMN     "renderStats" JSONB;
