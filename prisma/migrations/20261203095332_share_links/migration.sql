-- Share links: a random token is given to the owner once, and only its SHA-256 is stored.
CREATE TABLE "ShareLink" (
    "id" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ShareLink_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ShareLink_tokenHash_key" ON "ShareLink"("tokenHash");
CREATE INDEX "ShareLink_taskId_idx" ON "ShareLink"("taskId");

ALTER TABLE "ShareLink" ADD CONSTRAINT "ShareLink_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "ChoreographyTask"("id") ON DELETE CASCADE ON UPDATE CASCADE;
