import "server-only";
import { clientAddress } from "@/lib/client-address";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { mayOpenDevMailbox } from "@/lib/origin";

/** Whether this request may see /dev/mails (rule in lib/origin.ts). */
export async function devMailboxIsOpen(): Promise<boolean> {
  // The client address matters only to the loopback-only production e2e mailbox.
  return mayOpenDevMailbox(env, env.devMailboxLoopbackOnly ? await clientAddress() : null);
}

/** The kept emails, newest first, for /dev/mails (development and tests only). */
export async function listKeptEmails(limit = 500) {
  return prisma.outboxEmail.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      to: true,
      subject: true,
      text: true,
      html: true,
      template: true,
      status: true,
      attempts: true,
      nextAttemptAt: true,
      error: true,
      providerId: true,
      createdAt: true,
      sentAt: true,
      bodyRedactedAt: true,
      bodyPurgedAt: true,
    },
  });
}

export type KeptEmail = Awaited<ReturnType<typeof listKeptEmails>>[number];

const MOMENT = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

/** Whether the body is as written, without its personal link (once sent), or emptied (retention). */
export type BodyState = "complete" | "redacted" | "purged";

export function bodyState(email: Pick<KeptEmail, "bodyRedactedAt" | "bodyPurgedAt">): BodyState {
  return email.bodyPurgedAt ? "purged" : email.bodyRedactedAt ? "redacted" : "complete";
}

/** What /dev/mails says when the body is not what was sent, so nobody takes it for a bug. */
export function bodyNotice(email: Pick<KeptEmail, "bodyRedactedAt" | "bodyPurgedAt">): string | null {
  if (email.bodyPurgedAt) {
    return `Contenu effacé le ${MOMENT.format(email.bodyPurgedAt)}\u00a0: les e-mails de plus de 90 jours ne gardent que leur destinataire, leur objet, leur modèle, leur état et leurs dates.`;
  }
  if (email.bodyRedactedAt) {
    return `Lien personnel retiré le ${MOMENT.format(email.bodyRedactedAt)}, une fois l'e-mail envoyé\u00a0: seul son destinataire l'a, il n'est plus lisible dans la base.`;
  }
  return null;
}

export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
}
