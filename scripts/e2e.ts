/**
 * `npm run test:e2e`: installs Debian's Chromium if missing (as root), gives the app a fresh
 * database — `<name>_e2e` on the DATABASE_URL server, else a new embedded PGlite under .data/,
 * served from this process — builds it, and runs Playwright, which starts the built app with the
 * demo data. Either way Playwright gets the database's DATABASE_URL (specs may write their own data).
 * Extra arguments go to Playwright (`npm run test:e2e -- e2e/help.spec.ts`).
 * E2E_PORT (default 3200) lets several runs coexist; a non-default port builds in .next-e2e-<port>.
 * E2E_DEV=1 runs against `npm run dev` instead of the production build (no build; see playwright.config.ts).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../prisma/embedded";
import { recreateDatabase } from "../test/global-setup";

const port = process.env.E2E_PORT ?? "3200";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function ensureChromium() {
  if (existsSync(chromium)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium is missing at ${chromium}: install Debian's "chromium" package (or set CHROMIUM_PATH).`);
  }
  console.log("Installing Debian's chromium for the end-to-end tests…");
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

/** Runs a command to its end without blocking this process, which may be serving the embedded database. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  ensureChromium();
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
  if (port !== "3200") env.NEXT_DIST_DIR = `.next-e2e-${port}`;
  let embedded: EmbeddedPostgres | undefined;
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = await recreateDatabase(process.env.DATABASE_URL, `e2e_${port}`);
  } else {
    const dataDir = `.data/e2e-${port}`;
    rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({ dataDir });
    env.DATABASE_URL = embedded.url;
  }
  try {
    if (process.env.E2E_SKIP_BUILD !== "1" && process.env.E2E_DEV !== "1") {
      const status = await run("npm", ["run", "build"], env);
      if (status !== 0) return status;
    }
    return await run("npx", ["playwright", "test", ...process.argv.slice(2)], env);
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
