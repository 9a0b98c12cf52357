/**
 * `npm run test:e2e`: installs Debian's Chromium if missing (as root), gives the app a fresh
 * database — `<name>_e2e` on the DATABASE_URL server, else a new embedded PGlite under .data/ —
 * builds it, and runs Playwright, which starts the built app with the demo data.
 * Extra arguments go to Playwright (`npm run test:e2e -- e2e/help.spec.ts`).
 * E2E_PORT (default 3200) lets several runs coexist; a non-default port builds in .next-e2e-<port>.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
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
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

async function main() {
  ensureChromium();
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
  if (port !== "3200") env.NEXT_DIST_DIR = `.next-e2e-${port}`;
  if (process.env.DATABASE_URL) env.DATABASE_URL = await recreateDatabase(process.env.DATABASE_URL, `e2e_${port}`);
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  let embedded: EmbeddedPostgres | undefined;
  if (!process.env.DATABASE_URL) {
    // Served from this process, so that the specs (e.g. the authorization matrix's fixtures) reach
    // the app's database too; the app seeds it (SEED_DEMO_DATA in playwright.config.ts).
    const dataDir = `.data/e2e-${port}`;
    rmSync(dataDir, { recursive: true, force: true });
    embedded = await startEmbeddedPostgres({ dataDir });
    env.DATABASE_URL = embedded.url;
  }
  // Not spawnSync: the embedded database answers from this process's event loop.
  const status = await new Promise<number>((resolve) => {
    spawn("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env }).on("exit", (code) => resolve(code ?? 1));
  });
  await embedded?.stop();
  process.exit(status);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
