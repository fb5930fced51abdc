-- The request an Idempotency-Key was first used with: the same key with another body is refused.
ALTER TABLE "ChoreographyTask" ADD COLUMN "requestHash" TEXT;
