import "server-only";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { DAY_MS } from "@/lib/time";

/**
 * The French refusal when the user has sent APPLICATIONS_PER_USER_PER_DAY applications (200 by
 * default) in the last 24 hours, else null. A safety net against a script or a stolen session
 * flooding employers; no adviser sends that many by hand. Counted from the applications
 * themselves, so a refused or failed send costs nothing.
 */
export async function dailySendingLimitError(userId: string, now = new Date()): Promise<string | null> {
  const limit = env.APPLICATIONS_PER_USER_PER_DAY;
  const sent = await prisma.jobApplication.count({
    where: { senderUserId: userId, createdAt: { gt: new Date(now.getTime() - DAY_MS) } },
  });
  if (sent < limit) return null;
  return (
    `Vous avez envoyé ${limit} candidatures au cours des dernières 24 heures, le maximum par personne : ` +
    "vous pourrez en envoyer d'autres demain. Rien n'a été envoyé."
  );
}
