import "server-only";
import { cookies } from "next/headers";
import { readReplicas } from "@prisma/extension-read-replicas";
import { createPrismaClient } from "@/prisma/client";
import { prisma, type PrismaClient } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Read-only screens (dashboard, lists, their counters and filter choices) may read a replica when
 * DATABASE_REPLICA_URL is set (@prisma/extension-read-replicas: reads to the replica, writes and
 * transactions to the primary). Read-your-writes: after a person's write, a short-lived cookie
 * sends their next pages to the primary, so they never see the state before their own decision
 * while the replica catches up. Everything else (actions, transactions, sign-in) uses lib/db.ts.
 */
export const READ_PRIMARY_COOKIE = "suivi-read-primary";
/** Longer than the replication lag we accept; past it the replica has the write. */
export const READ_PRIMARY_SECONDS = 30;

let replicated: PrismaClient | null | undefined;
function replicatedClient(): PrismaClient | null {
  if (replicated === undefined) {
    const replicaUrl = env.DATABASE_REPLICA_URL;
    // The extended client keeps the model API; only $primary()/$replica() are added.
    replicated = replicaUrl
      ? (prisma.$extends(readReplicas({ replicas: [createPrismaClient(replicaUrl)] })) as unknown as PrismaClient)
      : null;
  }
  return replicated;
}

/** The client of a read-only screen: the replica if there is one, the primary right after this person wrote. */
export async function readDb(): Promise<PrismaClient> {
  const client = replicatedClient();
  if (!client) return prisma;
  let justWrote = false;
  try {
    justWrote = (await cookies()).has(READ_PRIMARY_COOKIE);
  } catch {
    // Outside a request (scripts, jobs): nobody to read their own writes.
  }
  return justWrote ? prisma : client;
}

/** Called by a server action after its write: this person's next pages read the primary for a while. */
export async function readYourWrites(): Promise<void> {
  if (!env.DATABASE_REPLICA_URL) return;
  (await cookies()).set(READ_PRIMARY_COOKIE, "1", {
    maxAge: READ_PRIMARY_SECONDS,
    httpOnly: true,
    sameSite: "lax",
    secure: env.secureCookies,
    path: "/",
  });
}
