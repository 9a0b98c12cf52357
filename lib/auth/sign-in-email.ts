import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { enqueueEmails } from "@/lib/mail/outbox";
import { deliverEmails } from "@/lib/mail/sender";
import { renderSignInEmail } from "@/lib/mail/templates";
import { takeAllowance } from "@/lib/rate-limit";
import { confirmationLink } from "@/lib/auth/sign-in-link";
import { HOUR_MS } from "@/lib/time";

/** Someone may sign in only with an account that belongs to at least one active organisation. */
export async function hasActiveAccount(email: string): Promise<boolean> {
  const count = await prisma.membership.count({ where: { isActive: true, user: { email: email.toLowerCase() } } });
  return count > 0;
}

/**
 * Writes the sign-in email (a link to the confirmation page) to the outbox and delivers it.
 * Unknown addresses get no email, while the caller shows the same answer page: no enumeration.
 */
export async function sendSignInLink(email: string, callbackUrl: string): Promise<boolean> {
  const user = await prisma.user.findFirst({
    where: { email: email.toLowerCase(), memberships: { some: { isActive: true } } },
    select: { id: true, email: true },
  });
  if (!user) return false;
  const url = confirmationLink(callbackUrl);
  const ids = await enqueueEmails(prisma, [{ to: user.email, template: "sign_in", userId: user.id, ...renderSignInEmail({ url }) }]);
  await deliverEmails(ids);
  return true;
}

/** "prescripteur@demo.test" → "p***@demo.test": enough to follow an abuse, not to read an address. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

export type SignInRequestOutcome = "sent" | "no-account" | "client-limit" | "address-limit";

/**
 * One sign-in request, run after the response (see lib/auth/index.ts) so that its duration
 * tells nothing about the address. Limits first, for known and unknown addresses alike: per
 * client address (when the app's own server gives one) and per e-mail address, each per
 * sliding hour. Past a limit nothing is sent and one line is logged, with the address masked.
 * A request that sends nothing deletes the token next-auth stored for it: no live token is left
 * behind, and floods leave no rows.
 */
export async function handleSignInRequest(request: {
  email: string;
  token: string;
  callbackUrl: string;
  client: string | null;
}): Promise<SignInRequestOutcome> {
  const outcome = await limitAndSend(request.email.toLowerCase(), request.callbackUrl, request.client);
  if (outcome !== "sent") {
    // How next-auth stores it (@auth/core createHash(token + secret)).
    const stored = createHash("sha256").update(`${request.token}${env.AUTH_SECRET}`).digest("hex");
    await prisma.verificationToken.deleteMany({ where: { identifier: request.email, token: stored } });
  }
  return outcome;
}

async function limitAndSend(email: string, callbackUrl: string, client: string | null): Promise<SignInRequestOutcome> {
  if (
    client &&
    !(await takeAllowance({ scope: "sign-in:client", value: client, limit: env.SIGN_IN_LIMIT_PER_CLIENT, windowMs: HOUR_MS }))
  ) {
    console.warn(
      `[sign-in] limit of ${env.SIGN_IN_LIMIT_PER_CLIENT}/h per client address reached: no e-mail for ${maskEmail(email)} (client ${client})`,
    );
    return "client-limit";
  }
  if (!(await takeAllowance({ scope: "sign-in:address", value: email, limit: env.SIGN_IN_LIMIT_PER_ADDRESS, windowMs: HOUR_MS }))) {
    console.warn(
      `[sign-in] limit of ${env.SIGN_IN_LIMIT_PER_ADDRESS}/h per e-mail address reached: no e-mail for ${maskEmail(email)} (client ${client ?? "unknown"})`,
    );
    return "address-limit";
  }
  return (await sendSignInLink(email, callbackUrl)) ? "sent" : "no-account";
}
