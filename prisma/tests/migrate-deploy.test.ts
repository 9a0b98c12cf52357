/**
 * Applying migrations (start-up, tests, `npm run db:migrate`) is plain SQL: it must never load
 * the WebAssembly schema engine, which only authoring a migration needs (prisma/migrate.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import pg from "pg";
import { emptyDatabase } from "@/test/databases";

// Records every load of the engine's modules, whoever imports them.
const engineLoads = vi.hoisted(() => [] as string[]);
vi.mock("@prisma/schema-engine-wasm", async (importOriginal) => {
  engineLoads.push("@prisma/schema-engine-wasm");
  return importOriginal();
});
vi.mock("@prisma/schema-engine-wasm/schema_engine_bg", async (importOriginal) => {
  engineLoads.push("@prisma/schema-engine-wasm/schema_engine_bg");
  return importOriginal();
});

const root = path.resolve(import.meta.dirname, "../..");

/** The module `npm run db:migrate` runs, read from package.json so the test follows the script. */
function dbMigrateModule(): string {
  const scripts = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).scripts as Record<string, string>;
  const file = scripts["db:migrate"]?.match(/^tsx (\S+\.ts)\b/)?.[1];
  if (!file) throw new Error(`unexpected db:migrate script: ${scripts["db:migrate"]}`);
  return path.join(root, file);
}

describe("applying migrations", () => {
  it("brings an empty database to the last migration, recorded in _prisma_migrations, without loading the schema engine", async () => {
    const deploy = (await import(/* @vite-ignore */ dbMigrateModule())) as typeof import("../migrate-deploy");
    const db = await emptyDatabase();
    try {
      const applied = await deploy.applyMigrations(db.url);
      expect(applied).toEqual(deploy.readMigrations().map((migration) => migration.name));
      expect(applied.length).toBeGreaterThan(0);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      try {
        const { rows } = await client.query(
          `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
        );
        expect(rows.map((row) => row.migration_name)).toEqual(applied);
      } finally {
        await client.end();
      }
    } finally {
      await db.drop();
    }
    expect(engineLoads).toEqual([]);
  }, 120_000);
});
