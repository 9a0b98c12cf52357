/**
 * `npm run dev` / `npm start`: without DATABASE_URL, start the embedded PostgreSQL (PGlite,
 * persisted under .data/), then apply pending migrations, seed the demo data into an empty
 * database (always on the embedded one; elsewhere only with SEED_DEMO_DATA=1), and run Next
 * with that DATABASE_URL.
 *
 * - dev: `next dev`, extra arguments passed on (`npm run dev -- --port 3001`).
 * - start: the production build behind this process's own HTTP server, which sets the client's
 *   address header on every request (lib/forwarded-address.ts). Accepts --port/-p and
 *   --hostname/-H. Refuses to start when the environment breaks a production rule (lib/env-schema.ts).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { parseEnv } from "../lib/env-schema";
import { setClientAddressHeader } from "../lib/forwarded-address";
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

/** The value of `--name value`, `--name=value` or `-n value` among Next's arguments. */
function option(args: string[], long: string, short: string): string | undefined {
  for (const [i, arg] of args.entries()) {
    if (arg === long || arg === short) return args[i + 1];
    if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
  }
  return undefined;
}

async function main() {
  const port = option(nextArgs, "--port", "-p") ?? process.env.PORT ?? "3000";
  const hostname = option(nextArgs, "--hostname", "-H");
  const embedding = !process.env.DATABASE_URL;
  // What Next will see: the default APP_URL follows the port, the build runs as production.
  process.env.PORT = port;
  process.env.EMBEDDED_DATABASE = embedding ? "1" : "0";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (mode === "start") {
    (process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
    // A production build needs AUTH_SECRET. On the embedded demo database a random one is made
    // once and kept beside it; against a real database it must be set (checked just below).
    if (!process.env.AUTH_SECRET && embedding) {
      process.env.AUTH_SECRET = demoAuthSecret(path.join(embeddedDataDir, ".."));
      console.warn("AUTH_SECRET is not set: using a random one kept in .data/ (fine for a demo, not for production).");
    }
  }
  // Fail before anything starts, with the message that says what to set.
  const env = parseEnv(process.env);

  let embedded: EmbeddedPostgres | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir });
    databaseUrl = embedded.url;
    process.env.DATABASE_URL = databaseUrl;
    console.log(`Embedded PostgreSQL (PGlite) in ${path.relative(process.cwd(), embeddedDataDir)}, on ${databaseUrl}`);
  }

  for (const name of await applyMigrations(databaseUrl)) console.log(`Migration applied: ${name}`);

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

  const stopEmbedded = async (code: number) => {
    await embedded?.stop().catch(() => {});
    process.exit(code);
  };

  if (mode === "dev") {
    const child = spawn(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), "dev", ...nextArgs], {
      stdio: "inherit",
      env: process.env,
    });
    const stop = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    child.on("exit", (code, signal) => stopEmbedded(code ?? (signal ? 1 : 0)));
    return;
  }

  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port: Number(port) });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request, response) => {
    // The client's address, for sign-in limits and the dev mailbox: never a value the client sent.
    setClientAddressHeader(request.headers, request.socket.remoteAddress, env.TRUSTED_PROXY);
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  server.listen(Number(port), hostname, () => {
    console.log(
      `Ready on http://${hostname ?? "localhost"}:${port} (APP_URL ${env.appUrl}${env.TRUSTED_PROXY ? `, client address from ${env.TRUSTED_PROXY}` : ""})`,
    );
    // Not a refusal: the pages say what is missing, and the demo has no publisher.
    const missing = Object.entries({
      LEGAL_PUBLISHER: env.legal.publisher,
      LEGAL_PUBLICATION_DIRECTOR: env.legal.publicationDirector,
      LEGAL_HOST: env.legal.host,
    })
      .filter(([, value]) => !value)
      .map(([name]) => name);
    if (!embedded && missing.length > 0) {
      console.warn(
        `${missing.join(", ")} not set: /mentions-legales says "Non renseigné" where a public service must name its publisher and host.`,
      );
    }
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close();
      server.closeIdleConnections();
      // Next's close may wait on open streams: give it a few seconds, then stop anyway.
      void Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, 5000).unref())]).finally(() => stopEmbedded(0));
    });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
