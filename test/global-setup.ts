/**
 * Integration tests run against a real PostgreSQL, never a mock: with DATABASE_URL, a fresh
 * database `<name>_vitest` on that server (the one named in the URL is never touched); without
 * it, an in-memory embedded PGlite. Either way the committed migrations are applied first.
 */
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../prisma/embedded";
import { applyMigrations } from "../prisma/migrate-deploy";

let embedded: EmbeddedPostgres | undefined;

export async function recreateDatabase(serverUrl: string, suffix: string): Promise<string> {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || "postgres"}_${suffix}`.replace(/[^a-zA-Z0-9_]/g, "_");
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

export default async function setup() {
  let url: string;
  if (process.env.DATABASE_URL) {
    url = await recreateDatabase(process.env.DATABASE_URL, "vitest");
    process.env.EMBEDDED_DATABASE = "0";
  } else {
    embedded = await startEmbeddedPostgres();
    url = embedded.url;
    process.env.EMBEDDED_DATABASE = "1";
  }
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  return async () => {
    await embedded?.stop();
  };
}
