import "server-only";
import { sqlTimestamp as ts, type PrismaClient } from "@/lib/db";
import type { Job } from "@/lib/jobs/types";
import { DAY_MS } from "@/lib/time";

/**
 * How long the outbox keeps what it wrote (README, "Conservation des e-mails"):
 * - a sign-in email is deleted once it is 24 h old (its link is dead by then anyway);
 * - every other body (text and HTML) is emptied at 90 days; the row keeps its status, template,
 *   recipient, subject and dates, so that "who was told what, when" survives.
 * The daily job draws both lines from the day it runs for, so a second run changes nothing more.
 */
export const SIGN_IN_EMAIL_MAX_AGE_MS = DAY_MS;
export const EMAIL_BODY_MAX_AGE_DAYS = 90;

// Bounded statements: the first run on an old database may have months of bodies to empty.
const PURGE_BATCH = 1000;

export async function applyEmailRetention(db: PrismaClient, asOf: Date, now = new Date()) {
  const signIn = await db.outboxEmail.deleteMany({
    where: { template: "sign_in", createdAt: { lt: new Date(asOf.getTime() - SIGN_IN_EMAIL_MAX_AGE_MS) } },
  });

  const bodyCutoff = new Date(asOf.getTime() - EMAIL_BODY_MAX_AGE_DAYS * DAY_MS);
  let bodiesPurged = 0;
  for (;;) {
    const count = await db.$executeRaw`
      UPDATE "OutboxEmail" SET "text" = '', "html" = '', "bodyPurgedAt" = ${ts(now)}, "lockedUntil" = NULL
      WHERE "id" IN (
        SELECT "id" FROM "OutboxEmail"
        WHERE "bodyPurgedAt" IS NULL AND "createdAt" < ${ts(bodyCutoff)}
        -- The order of the (bodyPurgedAt, createdAt) index: it then reads only rows still to purge
        -- (0.3 ms instead of 200-400 ms on 100 000 rows once everything old is purged).
        ORDER BY "bodyPurgedAt", "createdAt" LIMIT ${PURGE_BATCH}
      )`;
    bodiesPurged += count;
    if (count < PURGE_BATCH) break;
  }
  return { signInEmailsDeleted: signIn.count, bodiesPurged };
}

export const emailRetentionJob: Job = {
  name: "email-retention",
  description: "deletes sign-in emails older than 24 h, empties the body of emails older than 90 days",
  run: ({ db, asOf }) => applyEmailRetention(db, asOf),
};
