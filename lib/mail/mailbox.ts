import "server-only";
import { clientAddress } from "@/lib/client-address";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { mayOpenDevMailbox } from "@/lib/origin";

/** Whether this request may see /dev/mails (rule in lib/origin.ts). */
export async function devMailboxIsOpen(): Promise<boolean> {
  return mayOpenDevMailbox(env, await clientAddress());
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
    },
  });
}

export type KeptEmail = Awaited<ReturnType<typeof listKeptEmails>>[number];

export function linksIn(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
}
