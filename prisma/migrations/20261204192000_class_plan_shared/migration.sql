-- A class plan can be shared: a public read-only page shows it with the instructor's profile.
ALTER TABLE "ClassPlan" ADD COLUMN "shared" BOOLEAN NOT NULL DEFAULT false;
