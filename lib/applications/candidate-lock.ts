import "server-only";
import type { TransactionClient } from "@/lib/db";

/**
 * Every write about a candidate takes this lock first (sending, a decision, an accept and its
 * cascade): two colleagues sending at once, or an accept and another decision about the same
 * person, are serialised (no deadlock, no half cascade, no duplicate past the check).
 */
export async function lockCandidate(tx: TransactionClient, candidateId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Candidate" WHERE id = ${candidateId} FOR UPDATE`;
}
