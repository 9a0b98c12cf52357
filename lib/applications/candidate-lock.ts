import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TransactionClient } from "@/lib/db";
import type { ApplicationStatus } from "@/lib/status";

/**
 * Every write about a candidate takes this lock first (sending, a decision, an accept and its
 * cascade): two colleagues sending at once, or an accept and another decision about the same
 * person, are serialised (no deadlock, no half cascade, no duplicate past the check).
 */
export async function lockCandidate(tx: TransactionClient, candidateId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Candidate" WHERE id = ${candidateId} FOR UPDATE`;
}

/** An application found with its candidate locked (findAndLockCandidate). */
export interface LockedApplication {
  id: string;
  candidateId: string;
  status: ApplicationStatus;
}

/**
 * The application `id`, if `allowed` (a condition on JobApplication `a`), with its candidate locked
 * as lockCandidate does: one statement instead of a read and a lock (issue 12: a decision's round
 * trips). The status returned is the one read before the lock: the caller's writes re-check it.
 */
export async function findAndLockCandidate(tx: TransactionClient, id: string, allowed: Prisma.Sql): Promise<LockedApplication | null> {
  const [found] = await tx.$queryRaw<LockedApplication[]>`
    SELECT a.id, a."candidateId", a.status::text AS status
    FROM "JobApplication" a JOIN "Candidate" c ON c.id = a."candidateId"
    WHERE a.id = ${id} AND ${allowed}
    FOR UPDATE OF c`;
  return found ?? null;
}
