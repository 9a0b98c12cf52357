import { describe, expect, it } from "vitest";
import pg from "pg";
import { diffMigrationsToSchema } from "../migrate";
import { applyMigrations, readMigrations } from "../migrate-deploy";

describe("migrations", () => {
  it("match schema.prisma exactly (run `npm run db:migration -- <name>` after a schema change)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
    // Replays every migration on WebAssembly PostgreSQL: CPU-bound, and files now share the cores.
  }, 300_000);

  it("are recorded in _prisma_migrations as Prisma Migrate does, and applying again is a no-op", async () => {
    const url = process.env.DATABASE_URL!;
    expect(await applyMigrations(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      const migrations = readMigrations();
      expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
      for (const [index, row] of rows.entries()) {
        expect(row.checksum).toBe(migrations[index]!.checksum);
        expect(row.finished_at).toBeInstanceOf(Date);
        expect(row.applied_steps_count).toBe(1);
      }
    } finally {
      await client.end();
    }
  });
});
