/**
 * `npm run test:e2e`: installs Debian's Chromium if missing (as root), gives the app a fresh
 * database — `<name>_e2e` on the DATABASE_URL server, else a new embedded PGlite under .data/,
 * served from this process — builds it, and runs Playwright, which starts the built app with the
 * demo data. Either way Playwright gets the database's DATABASE_URL (specs may write their own data).
 * Extra arguments go to Playwright (`npm run test:e2e -- e2e/help.spec.ts`).
 * E2E_PORT (default 3200) lets several runs coexist; a non-default port builds in .next-e2e-<port>.
 * E2E_DEV=1 runs against `npm run dev` instead of the production build (no build; see playwright.config.ts).
 * The whole suite (no arguments) then runs the FAQ journeys again through a Resend stand-in
 * (runThroughResendStandIn); E2E_RESEND_ONLY=1 runs only that pass.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../prisma/embedded";
import { recreateDatabase } from "../test/global-setup";
import { resendError, startResendStub } from "../test/resend-stub";

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

/** A fresh database for one Playwright run: on the DATABASE_URL server, else an embedded PGlite. */
async function withFreshDatabase<T>(suffix: string, body: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return body(await recreateDatabase(process.env.DATABASE_URL, suffix));
  const dataDir = `.data/${suffix}`;
  rmSync(dataDir, { recursive: true, force: true });
  const embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir });
  try {
    return await body(embedded.url);
  } finally {
    await embedded.stop();
  }
}

// The FAQ's journeys: sending, every decision, the cascade, and who is told what.
const FAQ_SPECS = ["e2e/prescriber.spec.ts", "e2e/employer.spec.ts", "e2e/notifications.spec.ts"];
const STAND_IN_FAILURES = 3;

/**
 * Issue 11: the FAQ journeys again, this time delivered through a Resend stand-in that keeps to
 * Resend's 2 requests per second (429 with retry-after beyond) and fails its first 3 calls, as a
 * short incident would (one of them after sending). The specs read what the stand-in received,
 * sign-in links within 20 s; afterwards no e-mail may have reached it twice.
 */
async function runThroughResendStandIn(env: NodeJS.ProcessEnv): Promise<number> {
  const standIn = await startResendStub({ ratePerSecond: 2, maxBatch: 100 });
  let failedOnPurpose = 0;
  // The second failure sends the e-mails and loses the answer: only a retry under the same
  // idempotency key keeps them from arriving twice.
  standIn.handle(() =>
    failedOnPurpose < STAND_IN_FAILURES
      ? { ...resendError(503, "service_unavailable", "Incident en cours"), lostAnswer: ++failedOnPurpose === 2 }
      : undefined,
  );
  try {
    const status = await withFreshDatabase(`e2e_${port}_resend`, (url) =>
      run("npx", ["playwright", "test", ...FAQ_SPECS], { ...env, DATABASE_URL: url, E2E_RESEND_URL: standIn.url }),
    );
    const duplicates = standIn.duplicates();
    console.log(
      `Resend stand-in: ${standIn.requests.length} requests, ${failedOnPurpose} failed on purpose, ` +
        `${standIn.rateLimited()} answered 429, ${standIn.delivered().length} e-mails delivered, ${duplicates} delivered twice.`,
    );
    if (status !== 0) return status;
    if (failedOnPurpose < STAND_IN_FAILURES) {
      console.error("The stand-in was never called: the journeys did not go through Resend.");
      return 1;
    }
    if (duplicates > 0) {
      console.error(`${duplicates} e-mail(s) reached Resend twice.`);
      return 1;
    }
    return 0;
  } finally {
    await standIn.close();
  }
}

async function main() {
  ensureChromium();
  const env: NodeJS.ProcessEnv = { ...process.env, E2E_PORT: port, NEXT_TELEMETRY_DISABLED: "1" };
  if (port !== "3200") env.NEXT_DIST_DIR = `.next-e2e-${port}`;
  const args = process.argv.slice(2);
  const status = await withFreshDatabase(`e2e_${port}`, async (url) => {
    if (process.env.E2E_SKIP_BUILD !== "1" && process.env.E2E_DEV !== "1") {
      const built = await run("npm", ["run", "build"], { ...env, DATABASE_URL: url });
      if (built !== 0) return built;
    }
    // E2E_RESEND_ONLY=1: only the stand-in pass below.
    return process.env.E2E_RESEND_ONLY === "1" ? 0 : run("npx", ["playwright", "test", ...args], { ...env, DATABASE_URL: url });
  });
  // A chosen spec or test (arguments) runs alone; the whole suite also runs the stand-in pass.
  if (status !== 0 || args.length > 0) return status;
  return runThroughResendStandIn(env);
}

main().then(
  (status) => process.exit(status),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
