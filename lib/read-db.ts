import "server-only";
import { cookies } from "next/headers";
import { readReplicas } from "@prisma/extension-read-replicas";
import { createPrismaClient } from "@/prisma/client";
import { prisma, queryRowsDirect, type PrismaClient } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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

let replicated: { extended: PrismaClient; replica: PrismaClient } | null | undefined;
function replicatedClient() {
  if (replicated === undefined) {
    const replicaUrl = env.DATABASE_REPLICA_URL;
    const replica = replicaUrl ? createPrismaClient(replicaUrl) : null;
    // The extended client keeps the model API; only $primary()/$replica() are added.
    replicated = replica ? { extended: prisma.$extends(readReplicas({ replicas: [replica] })) as unknown as PrismaClient, replica } : null;
  }
  return replicated;
}

/** Whether this person wrote in the last READ_PRIMARY_SECONDS (false outside a request: scripts, jobs). */
async function justWrote(): Promise<boolean> {
  try {
    return (await cookies()).has(READ_PRIMARY_COOKIE);
  } catch {
    return false;
  }
}

/** The client of a read-only screen: the replica if there is one, the primary right after this person wrote. */
export async function readDb(): Promise<PrismaClient> {
  const client = replicatedClient();
  if (!client) return prisma;
  return (await justWrote()) ? prisma : client.extended;
}

/**
 * The rows of a read-only screen's SELECT straight from the driver (lib/db.ts queryRowsDirect), on
 * the same database readDb() would read: the list screens' small reads, where Prisma's own CPU per
 * call was most of their cost (issue 12).
 */
export async function readRowsDirect<T extends Record<string, unknown>>(query: Prisma.Sql): Promise<T[]> {
  const client = replicatedClient();
  return queryRowsDirect<T>(query, client && !(await justWrote()) ? client.replica : undefined);
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
