/**
 * `npm run db:seed:scale`: national-scale data (prisma/scale-seed.ts) in the database named by
 * DATABASE_URL, created through the server's `postgres` database if it does not exist, migrated,
 * and refused if it already holds organisations. BENCH_ROWS applications (default 2,000,000).
 */
import { applyMigrations } from "../prisma/migrate-deploy";
import { scaleShape, seedScaleData } from "../prisma/scale-seed";
import { withServer } from "../test/global-setup";
import pg from "pg";

export async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  await withServer(url, async (admin) => {
    const { rowCount } = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  });
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required: the scale data goes to a PostgreSQL server, never to the embedded database.");
  const rows = Number(process.env.BENCH_ROWS ?? 2_000_000);
  if (!Number.isInteger(rows) || rows < 1000) throw new Error("BENCH_ROWS must be a whole number of at least 1000.");
  await ensureDatabase(url);
  await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: existing } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT 1 FROM "Organization" LIMIT 1) o`);
  await client.end();
  if (existing[0]!.n !== "0") throw new Error("This database already holds data: give DATABASE_URL a new database name.");
  console.log(`Scale data: ${JSON.stringify(scaleShape(rows))}`);
  const started = Date.now();
  const orgs = await seedScaleData(url, rows, console.log);
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(0)} s. Organisations: ${JSON.stringify(orgs)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
