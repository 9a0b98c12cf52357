-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "bodyPurgedAt" TIMESTAMP(3),
ADD COLUMN     "bodyRedactedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "status" "JobRunStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 1,
    "lockedUntil" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "result" JSONB,
    "error" TEXT,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name","day")
);

-- CreateIndex
CREATE INDEX "OutboxEmail_template_createdAt_idx" ON "OutboxEmail"("template", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_bodyPurgedAt_createdAt_idx" ON "OutboxEmail"("bodyPurgedAt", "createdAt");

-- Data: emails delivered before this migration still hold their sign-in or candidate link.
-- Remove it now, as the sender does from here on (lib/mail/redaction.ts, same pattern).
UPDATE "OutboxEmail"
SET "text" = regexp_replace("text", 'https?://[^\s"''<>]+/(?:api/auth/callback/[^\s"''<>]*|c/[A-Za-z0-9_-]+)', '[lien retiré après l’envoi]', 'g'),
    "html" = regexp_replace("html", 'https?://[^\s"''<>]+/(?:api/auth/callback/[^\s"''<>]*|c/[A-Za-z0-9_-]+)', '[lien retiré après l’envoi]', 'g'),
    "bodyRedactedAt" = CURRENT_TIMESTAMP
WHERE "status" = 'SENT'
  AND ("text" ~ 'https?://[^\s"''<>]+/(?:api/auth/callback/[^\s"''<>]*|c/[A-Za-z0-9_-]+)'
    OR "html" ~ 'https?://[^\s"''<>]+/(?:api/auth/callback/[^\s"''<>]*|c/[A-Za-z0-9_-]+)');
