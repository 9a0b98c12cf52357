/** Builds a Prisma client on the `pg` driver adapter; shared by the app (lib/db.ts), the seed and tests. */
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";

// Kept on globalThis: Next bundles this module more than once per process (instrumentation, routes),
// and a client made by one copy is used by the others (lib/db.ts keeps it there too).
const globalForPools = globalThis as unknown as { prismaPools?: WeakMap<PrismaClient, pg.Pool> };
const pools = (globalForPools.prismaPools ??= new WeakMap());
// The clients whose statements are named: not the embedded PGlite's, whose connections all share
// one session, where a second connection preparing the same name fails (42P05).
const globalForNaming = globalThis as unknown as { namingClients?: WeakSet<PrismaClient> };
const namingClients = (globalForNaming.namingClients ??= new WeakSet());

/**
 * Names for SQL texts, so that `pg` prepares each statement once per connection and PostgreSQL can
 * keep its plan (issue 12). Unnamed, every query was parsed and planned again: on the scale
 * database the list screen's reads spent 4.2 ms per view, 3 of them planning; named, 1.3 ms
 * (PostgreSQL switches a statement to a generic plan after five executions when it costs no more
 * than the custom ones). The name is a hash of the text, the same in every copy of this module
 * that Next bundles, so one connection never sees one name for two texts. Past `max` distinct
 * texts (a `pg` connection keeps its statements until it closes; texts built from filters vary),
 * further ones run unnamed.
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
export const MAX_PREPARED_STATEMENTS = 300;
const globalForNames = globalThis as unknown as { statementName?: (text: string) => string | undefined };
/** The process's statement names, for Prisma's queries and the direct reads alike. */
const statementName = (globalForNames.statementName ??= createStatementNamer(MAX_PREPARED_STATEMENTS));

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
  // The adapter hands the name to pg as is: undefined (past the cap) runs the query unnamed, though
  // its type says string.
  const naming = options.embedded ? {} : { statementNameGenerator: (query: { sql: string }) => statementName(query.sql)! };
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

/** The name under which this client's direct reads prepare `text`; undefined: run it unnamed. */
export const statementNameOf = (client: PrismaClient, text: string) => (namingClients.has(client) ? statementName(text) : undefined);

export type { PrismaClient };
