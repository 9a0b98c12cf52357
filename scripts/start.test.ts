import { spawnSync } from "node:child_process";
import { expect, it } from "vitest";

// `npm start` checks the environment before it starts anything (no database is reached here).
function start(env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/start.ts", "start", "--port", "3999"], {
    env: {
      PATH,
      HOME,
      NODE_ENV: "production",
      AUTH_SECRET: "a-production-secret-of-more-than-32-characters",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:1/nowhere",
      ...env,
    },
    encoding: "utf8",
    timeout: 60_000,
  });
}

it("npm start on a real database refuses to start without APP_URL, saying in French and English what to set", { timeout: 120_000 }, () => {
  const result = start({});
  expect(result.status).toBe(1);
  expect(result.stderr).toContain("APP_URL est obligatoire en production");
  expect(result.stderr).toContain("APP_URL is required in production");
  expect(result.stderr).toContain("APP_URL=https://");
});

it("npm start refuses the dev mailbox with a Resend key, and an http APP_URL on a public host", { timeout: 120_000 }, () => {
  const mailbox = start({ APP_URL: "http://127.0.0.1:3999", DEV_MAILBOX: "1", RESEND_API_KEY: "re_live_key" });
  expect(mailbox.status).toBe(1);
  expect(mailbox.stderr).toContain("DEV_MAILBOX=1 is refused with RESEND_API_KEY");
  const http = start({ APP_URL: "http://suivi.example.gouv.fr" });
  expect(http.status).toBe(1);
  expect(http.stderr).toContain("APP_URL must be an https:// origin");
});
