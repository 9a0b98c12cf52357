/** Builds a Prisma client on the `pg` driver adapter; shared by the app (lib/db.ts), the seed and tests. */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";

// Kept on globalThis: Next bundles this module more than once per process (instrumentation, routes),
// and a client made by one copy is used by the others (lib/db.ts keeps it there too).
const globalForPools = globalThis as unknown as { prismaPools?: WeakMap<PrismaClient, pg.Pool> };
const pools = (globalForPools.prismaPools ??= new WeakMap());

export function createPrismaClient(databaseUrl: string, options: { embedded?: boolean } = {}): PrismaClient {
  // The embedded PGlite serialises every query anyway: a few connections are enough.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.embedded ? 4 : 10,
    // The app's queries are a page's few reads or one decision, many at once: a parallel worker (a
    // process each) costs more to start than such a query takes (issue 12: a name search of 2 ms
    // took 6 ms with one), and the statistics gained nothing from them (1.25 s with, 1.30 s without).
    // PGlite has no workers and takes no startup options.
    ...(options.embedded ? {} : { options: "-c max_parallel_workers_per_gather=0" }),
  });
  // An idle connection the server ends (a restart, a failover, a dropped database) is an 'error'
  // event on the pool: pg drops that connection and opens another on the next query, but with no
  // listener Node would stop the whole process on it.
  pool.on("error", (error) => console.warn(`[db] an idle connection was closed by the server: ${error.message}`));
  // Our own pool, so that bulk reads can share it (poolOf); $disconnect() still ends it.
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The connection pool under a client made by createPrismaClient (lib/db.ts's direct reads). */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("This Prisma client was not made by createPrismaClient: it has no pool to share.");
  return pool;
}

export type { PrismaClient };
