/** Builds a Prisma client on the `pg` driver adapter; shared by the app (lib/db.ts), the seed and tests. */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";

/**
 * Names for SQL texts, so that `pg` prepares each statement once per connection and PostgreSQL can
 * keep its plan (issue 12): unnamed, every query is parsed and planned again, and planning was most
 * of a small read's time. The name is a hash of the text, the same in every copy of this module
 * that Next bundles, so one connection never sees one name for two texts. Past `max` distinct
 * texts (a `pg` connection keeps its statements until it closes), further ones run unnamed.
 */
export function createStatementNamer(max: number): (text: string) => string | undefined {
  const names = new Map<string, string>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < max) {
      name = `s_${createHash("sha1").update(text).digest("base64url")}`;
      names.set(text, name);
    }
    return name;
  };
}
const MAX_PREPARED_STATEMENTS = 300;

interface ProcessState {
  pools: WeakMap<PrismaClient, pg.Pool>;
  /** The clients whose statements are named: not the embedded PGlite's, whose connections all share one session, where a second connection preparing the same name fails (42P05). */
  namingClients: WeakSet<PrismaClient>;
  statementName: (text: string) => string | undefined;
  /** Set inside withPreparedStatements. */
  preparing: AsyncLocalStorage<true>;
}
// Kept on globalThis: Next bundles this module more than once per process (instrumentation, routes),
// and a client made by one copy is used by the others (lib/db.ts keeps it there too).
const { pools, namingClients, statementName, preparing } = ((
  globalThis as unknown as { prismaClientState?: ProcessState }
).prismaClientState ??= {
  pools: new WeakMap(),
  namingClients: new WeakSet(),
  statementName: createStatementNamer(MAX_PREPARED_STATEMENTS),
  preparing: new AsyncLocalStorage<true>(),
});

/**
 * Runs `work` with its statements prepared (Prisma's and the direct reads alike). Only for reads
 * and writes whose best plan does not depend on how big an organisation is: lookups by a unique
 * key, small tables. After five executions PostgreSQL may keep one generic plan for a prepared
 * statement, planned for an average organisation; for the biggest prescriber's list that plan read
 * all its 22,000 candidate profiles (75 ms instead of 1 ms), so filtered lists, counts under
 * filters and statistics stay unnamed and are planned for their own values (of the lists, only the
 * unfiltered one by date is prepared: lib/applications/list.ts findApplicationPage).
 */
export function withPreparedStatements<T>(work: () => PromiseLike<T>): Promise<T> {
  // Awaited inside: Prisma's queries are lazy, and run where they are awaited.
  return preparing.run(true, async () => await work());
}

export function createPrismaClient(databaseUrl: string, options: { embedded?: boolean } = {}): PrismaClient {
  // The embedded PGlite serialises every query anyway: a few connections are enough.
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.embedded ? 4 : 10,
    // Idle connections stay for 5 minutes, not pg's 10 s: a new connection is a new PostgreSQL
    // backend (4–8 ms to open), whose first statements load its catalog caches and prepare again
    // what the old one had. A list view 12 s after the last request took 70–150 ms, now 41–74.
    idleTimeoutMillis: 300_000,
    // …without keeping a script (seed, migration, bench) alive for those 5 minutes once it is done.
    allowExitOnIdle: true,
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
  // The adapter hands the name to pg as is: undefined (past the cap) runs the query unnamed, though
  // its type says string.
  const naming = options.embedded ? {} : { statementNameGenerator: (query: { sql: string }) => preparedName(query.sql)! };
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true, ...naming }) });
  pools.set(client, pool);
  if (!options.embedded) namingClients.add(client);
  return client;
}

/** The connection pool under a client made by createPrismaClient (lib/db.ts's direct reads). */
export function poolOf(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error("This Prisma client was not made by createPrismaClient: it has no pool to share.");
  return pool;
}

const preparedName = (text: string) => (preparing.getStore() ? statementName(text) : undefined);

/** The name under which this client's direct read prepares `text`; undefined: run it unnamed. */
export const statementNameOf = (client: PrismaClient, text: string) => (namingClients.has(client) ? preparedName(text) : undefined);

export type { PrismaClient };
