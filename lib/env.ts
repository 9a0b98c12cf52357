/**
 * The environment, read and validated once. Defaults make `npm run dev` work with nothing set;
 * what production cannot do without fails at start-up with a message that says what to set.
 */
import { z } from "zod";

const isProduction = process.env.NODE_ENV === "production";
const DEV_AUTH_SECRET = "dev-only-secret-not-for-production-use-0123456789";

const schema = z.object({
  DATABASE_URL: z.string().optional(),
  // Set by scripts/start.ts when it serves the embedded PGlite.
  EMBEDDED_DATABASE: z.enum(["0", "1"]).default("0"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit faire au moins 32 caractères").optional(),
  RESEND_API_KEY: z.string().optional(),
  EMAIL_FROM: z.string().default("Suivi des candidatures <ne-pas-repondre@suivi-des-candidatures.beta.gouv.fr>"),
  EMAIL_REPLY_TO: z.string().optional(),
  // Absolute base of links in emails sent outside a request (worker); defaults to the request's host.
  APP_URL: z.string().url().optional(),
  // "1" exposes /dev/mails in a production build, for the end-to-end tests only.
  DEV_MAILBOX: z.enum(["0", "1"]).default("0"),
  // Abuse limits (README, "Sécurité"); tests and e2e runs may raise them, the defaults are the rule.
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  SIGN_IN_LIMIT_PER_CLIENT: z.coerce.number().int().positive().default(300),
  APPLICATIONS_PER_USER_PER_DAY: z.coerce.number().int().positive().default(200),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
}
const raw = parsed.data;

// next build runs with NODE_ENV=production but needs no secret; only a running server does.
const isBuild = process.env.NEXT_PHASE === "phase-production-build";
if (isProduction && !isBuild && !raw.AUTH_SECRET) {
  throw new Error("AUTH_SECRET is required in production (32+ random characters, e.g. `openssl rand -base64 33`).");
}

export const env = {
  ...raw,
  AUTH_SECRET: raw.AUTH_SECRET ?? DEV_AUTH_SECRET,
  isProduction,
  /** Emails are kept (outbox + /dev/mails) instead of sent when there is no Resend key. */
  sendsRealEmail: Boolean(raw.RESEND_API_KEY),
  devMailboxEnabled: !isProduction || raw.DEV_MAILBOX === "1",
};
