import { defineConfig, devices } from "@playwright/test";

// scripts/e2e.ts prepares the database and the build, then runs Playwright with these variables.
const port = Number(process.env.E2E_PORT ?? 3200);
const baseURL = `http://127.0.0.1:${port}`;
// E2E_DEV=1: against `npm run dev` (its icon collection, its CSS), the README's first command.
const againstDevServer = process.env.E2E_DEV === "1";

const productionServer = {
  command: `node --import tsx scripts/start.ts start --port ${port} --hostname 127.0.0.1`,
  env: {
    NODE_ENV: "production",
    // The dev mailbox stays available in this production build, for the tests only.
    DEV_MAILBOX: "1",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-0123456789abcdef0123456789abcdef",
  },
};
const devServer = {
  command: `npm run dev -- --port ${port} --hostname 127.0.0.1`,
  env: { NODE_ENV: "development" },
};

export default defineConfig({
  testDir: "e2e",
  // Specs share one seeded database and change it: one at a time, in a stable order.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
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
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        },
      },
    },
  ],
  webServer: {
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
      ...(againstDevServer ? devServer : productionServer).env,
    },
  },
});
