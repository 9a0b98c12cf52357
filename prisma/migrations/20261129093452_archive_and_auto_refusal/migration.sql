-- AlterEnum
ALTER TYPE "RefusalReason" ADD VALUE 'AUTO';

-- AlterTable
ALTER TABLE "JobApplication" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "archivedById" TEXT,
ADD COLUMN     "autoRefusalWarnedAt" TIMESTAMP(3),
ADD COLUMN     "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "JobApplication_status_statusChangedAt_idx" ON "JobApplication"("status", "statusChangedAt");

-- AddForeignKey
ALTER TABLE "JobApplication" ADD CONSTRAINT "JobApplication_archivedById_fkey" FOREIGN KEY ("archivedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Backfill: the last status change of an existing application is its last event that moved the
-- status (the sending included), not the moment of this migration: otherwise the daily jobs would
-- wait 60 and 180 days more for every existing application.
UPDATE "JobApplication" AS a
SET "statusChangedAt" = COALESCE(
  (SELECT max(e."createdAt") FROM "ApplicationEvent" AS e
   WHERE e."applicationId" = a."id" AND e."fromStatus" IS DISTINCT FROM e."toStatus"),
  a."createdAt");
