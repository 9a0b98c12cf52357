import "server-only";
import { prisma } from "@/lib/db";
import { enqueueEmails } from "@/lib/mail/outbox";
import { deliverEmails } from "@/lib/mail/sender";
import { renderSignInEmail } from "@/lib/mail/templates";

/** Someone may sign in only with an account that belongs to at least one active organisation. */
export async function hasActiveAccount(email: string): Promise<boolean> {
  const count = await prisma.membership.count({ where: { isActive: true, user: { email: email.toLowerCase() } } });
  return count > 0;
}

/**
 * Writes the magic-link email to the outbox and delivers it at once (the person is waiting).
 * Unknown addresses get no email, while the caller shows the same answer page: no enumeration.
 */
export async function sendSignInLink(email: string, url: string): Promise<boolean> {
  const user = await prisma.user.findFirst({
    where: { email: email.toLowerCase(), memberships: { some: { isActive: true } } },
    select: { id: true, email: true },
  });
  if (!user) return false;
  const ids = await enqueueEmails(prisma, [{ to: user.email, template: "sign_in", userId: user.id, ...renderSignInEmail({ url }) }]);
  await deliverEmails(ids);
  return true;
}
