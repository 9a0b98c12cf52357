import "server-only";
import type { PrismaClient } from "@/lib/db";
import type { Job } from "@/lib/jobs/types";
import { DAY_MS } from "@/lib/time";

// Longer than every rate-limit window in use (the sign-in limits count over an hour).
export const RATE_LIMIT_HITS_MAX_AGE_MS = DAY_MS;

/**
 * What sign-in leaves behind once it can no longer serve: rate-limit hits older than every window
 * (a bucket never used again would keep its rows), expired magic-link tokens (next-auth deletes
 * only those that are used) and expired sessions (deleted only when presented). Lines are drawn
 * from the day the job runs for, so a second run changes nothing more.
 */
export async function purgeExpiredSignInData(db: PrismaClient, asOf: Date) {
  const rateLimitHits = await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(asOf.getTime() - RATE_LIMIT_HITS_MAX_AGE_MS) } } });
  const verificationTokens = await db.verificationToken.deleteMany({ where: { expires: { lt: asOf } } });
  const sessions = await db.session.deleteMany({ where: { expires: { lt: asOf } } });
  return {
    rateLimitHitsDeleted: rateLimitHits.count,
    verificationTokensDeleted: verificationTokens.count,
    sessionsDeleted: sessions.count,
  };
}

export const signInHousekeepingJob: Job = {
  name: "sign-in-housekeeping",
  description: "deletes rate-limit hits older than a day, expired sign-in tokens and expired sessions",
  run: ({ db, asOf }) => purgeExpiredSignInData(db, asOf),
};
