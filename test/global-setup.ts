/**
 * Integration tests run against a real PostgreSQL, never a mock, and each Vitest worker has a
 * database of its own, so test files run in parallel without seeing each other's rows.
 *
 * - With DATABASE_URL: the committed migrations are applied once to a fresh template database,
 *   `<name>_vitest`, on that server (the one named in the URL is never touched); each worker then
 *   clones it as `<name>_vitest_<VITEST_POOL_ID>` (test/worker-database.ts), which takes
 *   milliseconds where migrating takes seconds.
 * - Without it: one in-memory embedded PGlite per worker, each migrated here.
 *
 * Migrations are read from disk on every run, so a migration folder added since is picked up.
 */
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../prisma/embedded";
import { applyMigrations } from "../prisma/migrate-deploy";

export type TestDatabases = { kind: "server"; serverUrl: string; template: string } | { kind: "embedded"; urls: string[] };

declare module "vitest" {
  export interface ProvidedContext {
    testDatabases: TestDatabases;
  }
}

/** `<name>_<suffix>` on the server of `serverUrl`: its name (safe as an identifier) and URL. */
export function databaseOnServer(serverUrl: string, suffix: string): { name: string; url: string } {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || "postgres"}_${suffix}`.replace(/[^a-zA-Z0-9_]/g, "_");
  url.pathname = `/${name}`;
  return { name, url: url.toString() };
}

/**
 * Runs `work` on a connection to the server's `postgres` maintenance database: the database named
 * in `serverUrl` only gives the prefix of ours, and need not exist.
 */
export async function withServer<T>(serverUrl: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const maintenance = new URL(serverUrl);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

export async function recreateDatabase(serverUrl: string, suffix: string): Promise<string> {
  const { name, url } = databaseOnServer(serverUrl, suffix);
  await withServer(serverUrl, async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  });
  return url;
}

let embedded: EmbeddedPostgres[] = [];

export default async function setup(project: TestProject) {
  const serverUrl = process.env.DATABASE_URL;
  // Workers get their own URL from test/worker-database.ts; none may fall back to this one.
  delete process.env.DATABASE_URL;
  if (serverUrl) {
    const template = databaseOnServer(serverUrl, "vitest");
    // Clones of the previous run's template are stale: drop them, whatever the worker count was.
    await withServer(serverUrl, async (admin) => {
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ $1`, [
        `^${template.name}_[0-9]+(_empty_[0-9a-f]+)?$`,
      ]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
    });
    await recreateDatabase(serverUrl, "vitest");
    await applyMigrations(template.url);
    project.provide("testDatabases", { kind: "server", serverUrl, template: template.name });
    process.env.EMBEDDED_DATABASE = "0";
  } else {
    // VITEST_POOL_ID runs from 1 to maxWorkers.
    embedded = await Promise.all(Array.from({ length: project.config.maxWorkers }, () => startEmbeddedPostgres()));
    for (const db of embedded) await applyMigrations(db.url);
    project.provide("testDatabases", { kind: "embedded", urls: embedded.map((db) => db.url) });
    process.env.EMBEDDED_DATABASE = "1";
  }
  return async () => {
    await Promise.all(embedded.map((db) => db.stop()));
  };
}
