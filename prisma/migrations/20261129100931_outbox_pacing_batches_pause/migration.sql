-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "batchKey" TEXT;

-- CreateTable
CREATE TABLE "MailDeliveryState" (
    "id" INTEGER NOT NULL,
    "nextSendAt" TIMESTAMP(3) NOT NULL,
    "recentSends" TIMESTAMP(3)[],
    "pausedAt" TIMESTAMP(3),
    "pauseReason" TEXT,
    "pauseLogAt" TIMESTAMP(3),
    "probeAt" TIMESTAMP(3),

    CONSTRAINT "MailDeliveryState_pkey" PRIMARY KEY ("id")
);
