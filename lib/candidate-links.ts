import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TransactionClient } from "@/lib/db";
import { CANDIDATE_LINK_VALIDITY } from "@/lib/status";

export function hashCandidateToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * A personal status link for a candidate (DESIGN §7): 256 random bits, of which only the hash
 * is stored, so a database leak gives no usable link.
 */
export async function createCandidateLink(
  tx: Pick<TransactionClient, "candidateLink">,
  candidateId: string,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.candidateLink.create({
    data: { candidateId, tokenHash: hashCandidateToken(token), expiresAt: new Date(now.getTime() + CANDIDATE_LINK_VALIDITY.ms) },
  });
  return token;
}
