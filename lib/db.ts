import "server-only";
import pg from "pg";
import { createPrismaClient, poolOf, statementNameOf, withPreparedStatements, type PrismaClient } from "@/prisma/client";
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

export { withPreparedStatements };
export type { PrismaClient };

// Values as Prisma returns them: `timestamp` columns hold UTC, `date` columns a day at midnight UTC.
const utcTimestamp = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const utcDay = (text: string) => new Date(`${text}T00:00:00Z`);
const DIRECT_TYPES = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if (oid === 1114) return utcTimestamp;
    if (oid === 1082) return utcDay;
    return format === "binary" ? pg.types.getTypeParser(oid, "binary") : pg.types.getTypeParser(oid, "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * The rows of one SELECT read by the `pg` driver on the client's own pool, without Prisma's result
 * mapping: for bulk reads (the exports, issue 14) and the hottest small reads of the list screens
 * (lib/read-db.ts readRowsDirect). Through `$queryRaw`, 200,000 exported rows left ~200 MB of copies
 * to V8's old generation, collected late (the export's peak RSS); read here, ~30 MB (README
 * "Exports"). A small read costs about half the CPU of a Prisma one (issue 12). Prepared once per
 * connection inside withPreparedStatements, like Prisma's. Dates as Prisma gives them; json
 * columns parsed; cast enums to text.
 */
export async function queryRowsDirect<T extends pg.QueryResultRow>(query: Prisma.Sql, db: PrismaClient = client()): Promise<T[]> {
  const { rows } = await poolOf(db).query<T>({
    name: statementNameOf(db, query.text),
    text: query.text,
    values: query.values,
    types: DIRECT_TYPES,
  });
  return rows;
}
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
const WRITE_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

const WRITE_ATTEMPTS = 3;

/**
 * PostgreSQL aborted the transaction to break a deadlock (40P01) or a serialization conflict
 * (40001): Prisma says P2034 for its own queries; for raw ones (P2010) the driver adapter's
 * error names the same kind.
 */
function isWriteConflict(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2034") return true;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError?.cause;
  return cause?.kind === "TransactionWriteConflict";
}

/**
 * An interactive write transaction, run again when PostgreSQL aborts it to break a deadlock: the
 * counters of ApplicationCount, kept by triggers, are shared by every organisation's writes and
 * locked statement by statement, so an accept whose cascade reaches a second employer can cross
 * that employer's own accept. The aborted attempt wrote nothing; `work` must only return what it
 * did (no side effect outside the transaction), which every caller does.
 */
export async function writeTransaction<T>(work: (tx: TransactionClient) => Promise<T>, db: PrismaClient = prisma): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(work, WRITE_TRANSACTION_OPTIONS);
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}
