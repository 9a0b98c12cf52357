import "server-only";
import type { TransactionClient } from "@/lib/db";
import { env } from "@/lib/env";
import { DAY_MS } from "@/lib/time";

/**
 * The French refusal when the user has sent APPLICATIONS_PER_USER_PER_DAY applications (200 by
 * default) in the last 24 hours, else null. A safety net against a script or a stolen session
 * flooding employers; no adviser sends that many by hand. Counted from the applications
 * themselves, so a refused or failed send costs nothing.
 *
 * Inside the send's transaction, after locking the sender's row (FOR NO KEY UPDATE: it waits for
 * the same user's other sends, never for the foreign-key checks of anyone's writes). Counted
 * before the transaction, as it once was, five sends at once from the 200th all passed.
 */
export async function dailySendingLimitError(tx: TransactionClient, userId: string, now = new Date()): Promise<string | null> {
  await tx.$queryRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR NO KEY UPDATE`;
  const limit = env.APPLICATIONS_PER_USER_PER_DAY;
  const sent = await tx.jobApplication.count({
    where: { senderUserId: userId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
  });
  if (sent < limit) return null;
  return (
    `Vous avez envoyé ${limit} candidatures au cours des dernières 24 heures, le maximum par personne\u00a0: ` +
    "vous pourrez en envoyer d'autres demain. Rien n'a été envoyé."
  );
}
