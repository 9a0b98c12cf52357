import pg from "pg";
import { expect } from "vitest";
import { readMigrations } from "../migrate-deploy";

/**
 * Tests a data migration on rows of the old shape: `body` runs in a scratch schema of the test
 * database that holds every migration before the one named, seeds it, then calls `migrate()` to
 * apply that migration itself. The schema is dropped afterwards, whatever happened.
 */
export async function beforeMigration(
  name: string,
  body: (client: pg.Client, migrate: () => Promise<void>) => Promise<void>,
): Promise<void> {
  const migrations = readMigrations();
  const index = migrations.findIndex((m) => m.name.endsWith(`_${name}`));
  expect(index).toBeGreaterThan(0);
  const schema = `migration_test_${name}_${Date.now()}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.query(`SET search_path TO "${schema}", public`);
    for (const migration of migrations.slice(0, index)) await client.query(migration.sql);
    await body(client, async () => {
      await client.query(migrations[index]!.sql);
    });
  } finally {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await client.end();
  }
}
