/**
 * The embedded PostgreSQL (PGlite) used when DATABASE_URL is unset: a real PostgreSQL
 * compiled to WebAssembly, served on loopback by pglite-socket so that Prisma's `pg`
 * adapter talks to it like to any server. PGlite runs one session; pglite-socket queues
 * the queries of several client connections and keeps a transaction on its connection
 * (and, with servingWholeQueries below, each query's messages too).
 */
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

// Frontend messages of the extended query protocol that a Sync ends (Parse, Bind, Describe, Execute, Close, Flush).
const EXTENDED_QUERY_MESSAGES = new Set([..."PBDECH"].map((c) => c.charCodeAt(0)));
// What ends one: Sync, a simple Query, or the connection's Terminate.
const QUERY_ENDS = new Set([..."SQX"].map((c) => c.charCodeAt(0)));

/**
 * The PGlite that pglite-socket (0.2.17) sees, so that a connection's query runs whole.
 *
 * pglite-socket queues the connections' protocol messages one by one and keeps a connection's turn
 * only while `isInTransaction()`. But one query of `pg` is Parse, Bind, Describe, Execute, Sync, which
 * share the session's unnamed statement and portal: when several connections wait (behind a
 * transaction, say), their messages interleave once it ends, and a query binds another's statement
 * (error 26000 « unnamed prepared statement does not exist », « portal "" does not exist ») or reads
 * another's rows, or none: Prisma's `create` then returns null. Upstream: electric-sql/pglite#1046.
 * Here `isInTransaction()` is also true from a query's first message to its Sync, so the queue
 * keeps the connection's turn to the end of its query, as PostgreSQL's own sessions would.
 */
function servingWholeQueries(db: PGlite): PGlite {
  let queryOpen = false;
  const execProtocolRawStream: PGlite["execProtocolRawStream"] = async (message, options) => {
    if (EXTENDED_QUERY_MESSAGES.has(message[0]!)) queryOpen = true;
    try {
      return await db.execProtocolRawStream(message, options);
    } finally {
      if (QUERY_ENDS.has(message[0]!)) queryOpen = false;
    }
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === "isInTransaction") return () => queryOpen || target.isInTransaction();
      if (property === "execProtocolRawStream") return execProtocolRawStream;
      // The socket server's roll-back of a connection that left mid-transaction ends any query of it.
      if (property === "exec") {
        return (...args: Parameters<PGlite["exec"]>) => {
          queryOpen = false;
          return target.exec(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** dataDir undefined = in memory (tests); port 0 = any free port. */
export async function startEmbeddedPostgres(options: { dataDir?: string; port?: number } = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // pg_trgm and unaccent (shipped with PGlite) back the candidate-name search index, as on PostgreSQL.
  const db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm, unaccent } });
  const server = new PGLiteSocketServer({ db: servingWholeQueries(db), host: "127.0.0.1", port: options.port ?? 0, maxConnections: 32 });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  return {
    url,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
