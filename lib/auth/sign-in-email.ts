import "server-only";
import { prisma } from "@/lib/db";
import { enqueueEmails } from "@/lib/mail/outbox";
import { deliverEmails } from "@/lib/mail/sender";
import { renderSignInEmail } from "@/lib/mail/templates";

export async function sendSignInLink(email: string, url: string): Promise<void> {
  const user = await prisma.user.findUnique({ where: { email }, select: { id: true } });
  const ids = await enqueueEmails(prisma, [{ to: email, template: "sign_in", userId: user?.id, ...renderSignInEmail({ url }) }]);
  // The person is waiting for this one: deliver it now rather than on the next sweep.
  await deliverEmails(ids);
}
