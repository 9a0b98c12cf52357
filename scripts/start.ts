/**
 * `npm run dev` / `npm start`: without DATABASE_URL, start the embedded PostgreSQL (PGlite,
 * persisted under .data/), then apply pending migrations, seed the demo data into an empty
 * database (always on the embedded one; elsewhere only with SEED_DEMO_DATA=1), and run Next
 * with that DATABASE_URL. Extra arguments go to Next (`npm run dev -- --port 3001`).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../prisma/embedded";
import { applyMigrations } from "../prisma/migrate-deploy";
import { createPrismaClient } from "../prisma/client";
import { seedDemoData } from "../prisma/seed";

const [mode = "dev", ...nextArgs] = process.argv.slice(2);
if (mode !== "dev" && mode !== "start") {
  console.error("usage: tsx scripts/start.ts dev|start [next options]");
  process.exit(2);
}

const embeddedDataDir = path.resolve(process.env.EMBEDDED_DATA_DIR ?? ".data/pglite");

function demoAuthSecret(dir: string): string {
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(33).toString("base64"), { mode: 0o600 });
  }
  return readFileSync(file, "utf8").trim();
}

async function main() {
  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir });
    databaseUrl = embedded.url;
    console.log(`Embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), embeddedDataDir)}, on ${databaseUrl}`);
  }

  for (const name of await applyMigrations(databaseUrl)) console.log(`Migration applied: ${name}`);

  // `npm start` runs a production build, which needs AUTH_SECRET. On the embedded demo database
  // a random one is made once and kept beside it; against a real database it must be set.
  const env: Record<string, string> = {};
  if (mode === "start" && !process.env.AUTH_SECRET) {
    if (!embedded) throw new Error("AUTH_SECRET is required by `npm start` (32+ random characters, e.g. `openssl rand -base64 33`).");
    env.AUTH_SECRET = demoAuthSecret(path.join(embeddedDataDir, ".."));
    console.warn("AUTH_SECRET is not set: using a random one kept in .data/ (fine for a demo, not for production).");
  }

  if (embedded || process.env.SEED_DEMO_DATA === "1") {
    const prisma = createPrismaClient(databaseUrl, { embedded: Boolean(embedded) });
    try {
      if ((await prisma.organization.count()) === 0) {
        await seedDemoData(prisma);
        console.log("Demo data loaded (accounts are listed in the README and on the sign-in page).");
      }
    } finally {
      await prisma.$disconnect();
    }
  }

  const child = spawn(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), mode, ...nextArgs], {
    stdio: "inherit",
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      EMBEDDED_DATABASE: embedded ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  const stop = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  child.on("exit", async (code, signal) => {
    await embedded?.stop().catch(() => {});
    process.exit(code ?? (signal ? 1 : 0));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
