/**
 * `npm run test:e2e`: installs Debian's Chromium if missing (as root), gives the app a fresh
 * database — `<name>_e2e` on the DATABASE_URL server, else a new embedded PGlite under .data/ —
 * builds it, and runs Playwright, which starts the built app with the demo data.
 * Extra arguments go to Playwright (`npm run test:e2e -- e2e/help.spec.ts`).
 * E2E_PORT (default 3200) lets several runs coexist; a non-default port builds in .next-e2e-<port>.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
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
  if (process.env.DATABASE_URL) {
    env.DATABASE_URL = await recreateDatabase(process.env.DATABASE_URL, `e2e_${port}`);
  } else {
    const dataDir = `.data/e2e-${port}`;
    rmSync(dataDir, { recursive: true, force: true });
    env.EMBEDDED_DATA_DIR = dataDir;
  }
  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const run = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
  process.exit(run.status ?? 1);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
