/**
 * The database of this Vitest worker (see test/global-setup.ts), and throw-away empty ones for
 * tests that need a database with nothing in it.
 */
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { startEmbeddedPostgres } from "../prisma/embedded";
import { databaseOnServer, withServer } from "./global-setup";

// Vitest numbers the workers that run at the same time from 1 to maxWorkers.
const poolId = () => Number(process.env.VITEST_POOL_ID ?? "1");

/** This worker's database: cloned from the migrated template on first use, then reused. */
export async function workerDatabaseUrl(): Promise<string> {
  const databases = inject("testDatabases");
  if (databases.kind === "embedded") {
    const url = databases.urls[poolId() - 1];
    if (!url) throw new Error(`No embedded database for Vitest worker ${poolId()} (maxWorkers changed after set-up?)`);
    return url;
  }
  const worker = databaseOnServer(databases.serverUrl, `vitest_${poolId()}`);
  await withServer(databases.serverUrl, async (admin) => {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [worker.name]);
    if (rowCount) return;
    await admin.query(`CREATE DATABASE "${worker.name}" TEMPLATE "${databases.template}"`).catch((error: { code?: string }) => {
      // 42P04: created meanwhile (never by another worker: a pool id is used by one file at a time).
      if (error.code !== "42P04") throw error;
    });
  });
  return worker.url;
}

/** A new, empty database (no migration applied), dropped by `drop()`. */
export async function emptyDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const databases = inject("testDatabases");
  if (databases.kind === "embedded") {
    const db = await startEmbeddedPostgres();
    return { url: db.url, drop: () => db.stop() };
  }
  const { name, url } = databaseOnServer(databases.serverUrl, `vitest_${poolId()}_empty_${randomUUID().slice(0, 8)}`);
  await withServer(databases.serverUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`));
  return {
    url,
    drop: () => withServer(databases.serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}
