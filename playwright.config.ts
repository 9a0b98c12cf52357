import { defineConfig, devices } from "@playwright/test";
import { OIDC_CLIENT, oidcPort } from "./e2e/oidc-client";
import { E2E_LEGAL } from "./e2e/legal-facts";

// scripts/e2e.ts prepares the database and the build, then runs Playwright with these variables.
const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://127.0.0.1:${port}`;
// E2E_DEV=1: against `npm run dev` (its icon collection, its CSS), the README's first command.
const againstDevServer = process.env.E2E_DEV === "1";
// Set by scripts/e2e.ts for its second pass: the app sends through a Resend stand-in there.
const resendStandIn = process.env.E2E_RESEND_URL;

const productionServer = {
  command: `node --import tsx scripts/start.ts start --port ${port} --hostname 127.0.0.1`,
  env: {
    NODE_ENV: "production",
    // The dev mailbox stays available in this production build, for the tests only: loopback
    // clients only, never with a Resend key.
    DEV_MAILBOX: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789abcdef",
    ...E2E_LEGAL,
  },
};
const devServer = {
  command: `npm run dev -- --port ${port} --hostname 127.0.0.1`,
  env: { NODE_ENV: "development", ...E2E_LEGAL },
};

export default defineConfig({
  testDir: "e2e",
  // Every test builds the data it changes or counts (e2e/builders.ts: random suffixes) and reads
  // only its own recipients' e-mails; the seeded demo data is only read. So tests run in any
  // order, two at a time: one browser works while the other waits for the server, on the 2
  // cores the app server, PostgreSQL and Chromium share.
  workers: 2,
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A journey signs three or four people in (e-mail, then the confirmation page) and runs axe on
  // each screen: a minute is too tight on a 2-core machine.
  timeout: 120_000,
  // Under `npm run dev` every route compiles on its first visit, which takes 10 s and more on 2
  // loaded cores: the first look at each screen gets a development budget.
  expect: { timeout: againstDevServer ? 45_000 : 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    locale: "fr-FR",
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        // Debian's Chromium: Playwright cannot download its own browser here.
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: [
    {
      // ProConnect's stand-in: a real OpenID provider on loopback (e2e/oidc-provider.ts).
      command: `node --import tsx e2e/oidc-provider.ts ${oidcPort(port)} ${baseURL}`,
      url: `http://127.0.0.1:${oidcPort(port)}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: (againstDevServer ? devServer : productionServer).command,
      url: `${baseURL}/connexion`,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        SEED_DEMO_DATA: "1",
        RESEND_API_KEY: "",
        // The one origin of every link, and the one the browser uses (lib/env-schema.ts).
        APP_URL: baseURL,
        // Every spec signs the demo users in, many times an hour, all from 127.0.0.1; the default
        // limits (5 per address, 300 per client) are proven by lib/auth/sign-in.test.ts.
        SIGN_IN_LIMIT_PER_ADDRESS: "1000",
        SIGN_IN_LIMIT_PER_CLIENT: "10000",
        ...(againstDevServer ? devServer : productionServer).env,
        // The real sending path, paced to Resend's limits; the dev mailbox is refused with a key.
        ...(resendStandIn ? { RESEND_API_KEY: "re_e2e_stand_in", RESEND_BASE_URL: resendStandIn, DEV_MAILBOX: "0" } : {}),
        // "S'identifier avec ProConnect", against the stand-in above (e2e/proconnect.spec.ts).
        PROCONNECT_ISSUER: `http://127.0.0.1:${oidcPort(port)}`,
        PROCONNECT_CLIENT_ID: OIDC_CLIENT.id,
        PROCONNECT_CLIENT_SECRET: OIDC_CLIENT.secret,
      },
    },
  ],
});
