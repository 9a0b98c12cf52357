import "server-only";
import { createHmac } from "node:crypto";
import { writeTransaction } from "@/lib/db";
import { env } from "@/lib/env";

export interface Allowance {
  /** What is limited and for whom, e.g. ["sign-in:address", "x@y.fr"]: kept only as an HMAC. */
  scope: string;
  value: string;
  limit: number;
  windowMs: number;
}

/** The stored bucket name: the table never holds an e-mail or client address in clear. */
export function bucketOf(scope: string, value: string): string {
  return createHmac("sha256", env.AUTH_SECRET).update(`${scope}:${value}`).digest("hex");
}

/**
 * Takes one unit of the allowance if fewer than `limit` were taken in the last `windowMs`
 * (a sliding window, so "5 per hour" holds across clock hours). A transaction-scoped advisory
 * lock on the bucket makes count-then-insert atomic across every app process sharing the
 * database, PGlite included; refused attempts write nothing, so a bucket holds at most `limit`
 * rows.
 */
export async function takeAllowance({ scope, value, limit, windowMs }: Allowance, now = new Date()): Promise<boolean> {
  const bucket = bucketOf(scope, value);
  const since = new Date(now.getTime() - windowMs);
  return writeTransaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${bucket}, 0))`;
    await tx.rateLimitHit.deleteMany({ where: { bucket, at: { lte: since } } });
    const taken = await tx.rateLimitHit.count({ where: { bucket, at: { gt: since } } });
    if (taken >= limit) return false;
    await tx.rateLimitHit.create({ data: { bucket, at: now } });
    return true;
  });
}
