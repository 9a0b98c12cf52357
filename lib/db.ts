import "server-only";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";

// One client per process (dev hot reload re-evaluates modules), created on first use so that
// `next build` never needs a database.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    if (!env.DATABASE_URL) {
      throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which start the embedded database.");
    }
    globalForPrisma.prisma = createPrismaClient(env.DATABASE_URL, { embedded: env.EMBEDDED_DATABASE === "1" });
  }
  return globalForPrisma.prisma;
}

export const prisma = new Proxy({} as PrismaClient, {
  get: (_target, prop) => {
    const value = Reflect.get(client(), prop);
    return typeof value === "function" ? value.bind(client()) : value;
  },
});

export type { PrismaClient };
export type TransactionClient = Prisma.TransactionClient;

/**
 * A timestamp for raw SQL, bound as UTC text cast to `timestamp` the way Prisma stores DateTime, so
 * that comparisons never depend on the time zone of the driver or of the server.
 */
export const sqlTimestamp = (date: Date) => Prisma.sql`${date.toISOString()}::timestamp`;

/**
 * For interactive transactions that write on behalf of a person (a decision, a send, a sign-in
 * allowance): writes about one candidate queue on its lock, the embedded PGlite runs one
 * transaction at a time, and a busy machine is slow; Prisma's defaults (2 s to start, 5 s to
 * finish) turn such a queue into a technical error.
 */
export const WRITE_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };
