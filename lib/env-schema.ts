/**
 * The rules of the environment as a pure function of a variables object, so that lib/env.ts
 * (the running app), scripts/start.ts (which must refuse to start) and the tests apply the same.
 */
import { z } from "zod";
import { CLIENT_ADDRESS_HEADER } from "./forwarded-address";
import { isLoopbackHostname, parseAppUrl } from "./origin";

export const DEV_AUTH_SECRET = "dev-only-secret-not-for-production-use-0123456789";

const schema = z.object({
  NODE_ENV: z.string().optional(),
  NEXT_PHASE: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  // A read replica of DATABASE_URL for the read-only screens (lib/read-db.ts).
  DATABASE_REPLICA_URL: z.string().optional(),
  // Set by scripts/start.ts when it serves the embedded PGlite.
  EMBEDDED_DATABASE: z.enum(["0", "1"]).default("0"),
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, "PORT doit être un numéro de port")
    .default("3000"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET doit faire au moins 32 caractères").optional(),
  // next-auth's own variable, replaced by APP_URL (see proxy.ts and the auth route): refused.
  AUTH_URL: z.string().optional(),
  RESEND_API_KEY: z.string().optional(),
  // Another Resend endpoint (tests: a local stand-in); the SDK reads it itself. Checked below.
  RESEND_BASE_URL: z.string().optional(),
  // Requests per second to Resend, across every process and worker (Resend's default team limit is 2).
  RESEND_RATE_LIMIT: z.coerce.number().positive().max(1000).default(2),
  EMAIL_FROM: z.string().default("Suivi des candidatures <ne-pas-repondre@suivi-des-candidatures.beta.gouv.fr>"),
  EMAIL_REPLY_TO: z.string().optional(),
  // The one public origin: every link, redirect and next-auth URL is built from it.
  APP_URL: z.string().optional(),
  // The one request header, set by the reverse proxy in front of the app, that carries the client's address.
  TRUSTED_PROXY: z
    .string()
    .transform((name) => name.trim().toLowerCase())
    .pipe(
      z
        .string()
        .regex(/^[a-z0-9-]+$/, "TRUSTED_PROXY doit être le nom d'un en-tête HTTP, par exemple x-forwarded-for")
        .refine((name) => name !== "host" && name !== CLIENT_ADDRESS_HEADER, "TRUSTED_PROXY ne peut pas être cet en-tête"),
    )
    .optional(),
  // "off" when a reverse proxy in front compresses the pages: gzip costs Node's rendering thread
  // about 0.8 ms of CPU per list view, 8 % of its throughput (issue 12). Read by next.config.js when
  // the server starts; checked here.
  HTTP_COMPRESSION: z.enum(["on", "off"], { error: "HTTP_COMPRESSION doit valoir on ou off" }).default("on"),
  // "1" keeps /dev/mails in a production build, for the end-to-end tests only (see the rules below).
  DEV_MAILBOX: z.enum(["0", "1"]).default("0"),
  // "1" opens /bench/floor, the bare page `npm run bench` compares every screen with (issue 12); 404 otherwise.
  BENCH_PAGES: z.enum(["0", "1"]).default("0"),
  // Abuse limits (README, "Sécurité"); tests and e2e runs may raise them, the defaults are the rule.
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().positive().default(5),
  SIGN_IN_LIMIT_PER_CLIENT: z.coerce.number().int().positive().default(300),
  APPLICATIONS_PER_USER_PER_DAY: z.coerce.number().int().positive().default(200),
  // Issue 10: an application left without a status change this many days is declined by the daily
  // job; the employer team is warned 15 days before, so fewer than 16 days would leave no warning.
  AUTO_REFUSAL_DAYS: z.coerce.number().int().min(16, "AUTO_REFUSAL_DAYS doit valoir au moins 16 (jours)").max(3650).default(60),
  // How often `npm run worker` sweeps the outbox.
  OUTBOX_SWEEP_INTERVAL_MS: z.coerce.number().int().min(500).default(10_000),
  // Who publishes and who hosts this deployment (LCEN art. 6), shown on /mentions-legales and
  // /donnees-personnelles. Facts of the operator, not of the code: the pages say when they are missing.
  LEGAL_PUBLISHER: z.string().trim().max(500, "LEGAL_PUBLISHER doit faire 500 caractères au plus").optional(),
  LEGAL_PUBLICATION_DIRECTOR: z.string().trim().max(200, "LEGAL_PUBLICATION_DIRECTOR doit faire 200 caractères au plus").optional(),
  LEGAL_HOST: z.string().trim().max(500, "LEGAL_HOST doit faire 500 caractères au plus").optional(),
  // Issue 14: "S'identifier avec ProConnect", offered when all three are set (README, "Sécurité").
  PROCONNECT_ISSUER: z.string().optional(),
  PROCONNECT_CLIENT_ID: z.string().optional(),
  PROCONNECT_CLIENT_SECRET: z.string().optional(),
});

/**
 * Whether a service the app talks to (Resend, ProConnect) may live at this address: https, or
 * http on this machine outside production, or in a production build served on loopback only
 * (the end-to-end tests).
 */
function isSafeServiceUrl(value: string, { isServing, appHostIsLoopback }: { isServing: boolean; appHostIsLoopback: boolean }): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && isLoopbackHostname(url.hostname) && (!isServing || appHostIsLoopback);
}

export type Env = ReturnType<typeof parseEnv>;

/** Validates the variables and applies the production rules; throws one message listing every problem. */
export function parseEnv(source: Record<string, string | undefined>) {
  // An empty variable (`RESEND_API_KEY=`) means unset.
  const values = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  const raw = parsed.data;
  const isProduction = raw.NODE_ENV === "production";
  // next build runs with NODE_ENV=production but serves nothing: only a running server needs these.
  const isServing = isProduction && raw.NEXT_PHASE !== "phase-production-build";
  const problems: string[] = [];

  if (isServing && !raw.AUTH_SECRET) {
    problems.push("AUTH_SECRET is required in production (32+ random characters, e.g. `openssl rand -base64 33`).");
  }

  let appUrl = `http://localhost:${raw.PORT}`;
  if (raw.APP_URL) {
    const result = parseAppUrl(raw.APP_URL);
    if ("error" in result) problems.push(result.error);
    else appUrl = result.origin;
  } else if (isServing && raw.EMBEDDED_DATABASE !== "1") {
    problems.push(
      "APP_URL est obligatoire en production\u00a0: l'adresse publique du service, par exemple APP_URL=https://suivi.example.gouv.fr. " +
        "/ APP_URL is required in production: the public https:// origin of the service, e.g. APP_URL=https://suivi.example.gouv.fr.",
    );
  }

  if (raw.AUTH_URL) {
    problems.push(`AUTH_URL is not used (${raw.AUTH_URL}): remove it and set APP_URL, from which next-auth takes every URL.`);
  }

  const appHostIsLoopback = isLoopbackHostname(new URL(appUrl).hostname);
  const service = { isServing, appHostIsLoopback };
  // E-mails carry sign-in links: they go to Resend over https (or to a stand-in on this machine).
  if (raw.RESEND_BASE_URL && !isSafeServiceUrl(raw.RESEND_BASE_URL, service)) {
    problems.push(
      `RESEND_BASE_URL must be an https:// address (http:// only on localhost / 127.0.0.1, and in production only with a loopback APP_URL): ${raw.RESEND_BASE_URL}`,
    );
  }

  const proConnectSet = [raw.PROCONNECT_ISSUER, raw.PROCONNECT_CLIENT_ID, raw.PROCONNECT_CLIENT_SECRET].filter(Boolean).length;
  if (proConnectSet > 0 && proConnectSet < 3) {
    problems.push("ProConnect needs PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID and PROCONNECT_CLIENT_SECRET together (or none of them).");
  }
  if (raw.PROCONNECT_ISSUER && !isSafeServiceUrl(raw.PROCONNECT_ISSUER, service)) {
    problems.push(
      `PROCONNECT_ISSUER must be an https:// address (http:// only on localhost / 127.0.0.1, and in production only with a loopback APP_URL): ${raw.PROCONNECT_ISSUER}`,
    );
  }

  if (isServing && raw.DEV_MAILBOX === "1") {
    if (raw.RESEND_API_KEY) {
      problems.push(
        "DEV_MAILBOX=1 is refused with RESEND_API_KEY: the dev mailbox would show real, delivered sign-in and candidate links.",
      );
    }
    if (!appHostIsLoopback) {
      problems.push(`DEV_MAILBOX=1 is for the end-to-end tests only: it is refused with a public APP_URL (${appUrl}).`);
    }
  }

  if (isServing && raw.BENCH_PAGES === "1" && !appHostIsLoopback) {
    problems.push(`BENCH_PAGES=1 is for \`npm run bench\` only: it is refused with a public APP_URL (${appUrl}).`);
  }

  if (problems.length > 0) throw new Error(problems.join("\n"));

  return {
    ...raw,
    AUTH_SECRET: raw.AUTH_SECRET ?? DEV_AUTH_SECRET,
    isProduction,
    /** `next build` runs the app's modules with NODE_ENV=production but serves nothing. */
    isBuilding: isProduction && !isServing,
    /** The canonical origin, without a trailing slash: the base of every link. */
    appUrl,
    /**
     * Whether links always use appUrl. Only development without APP_URL follows the loopback host
     * the browser used (localhost or 127.0.0.1), so both work there.
     */
    appUrlIsPinned: isProduction || Boolean(raw.APP_URL),
    /** The Secure flag of every cookie: from APP_URL, never from a request header. */
    secureCookies: appUrl.startsWith("https:"),
    /** Emails are kept (outbox + /dev/mails) instead of sent when there is no Resend key. */
    sendsRealEmail: Boolean(raw.RESEND_API_KEY),
    devMailboxEnabled: !isProduction || raw.DEV_MAILBOX === "1",
    benchPagesEnabled: raw.BENCH_PAGES === "1",
    /** In a production build, the dev mailbox answers loopback clients only. */
    devMailboxLoopbackOnly: isProduction,
    /** The operator's legal facts; null when this deployment has not set them (the pages say so). */
    legal: {
      publisher: raw.LEGAL_PUBLISHER || null,
      publicationDirector: raw.LEGAL_PUBLICATION_DIRECTOR || null,
      host: raw.LEGAL_HOST || null,
    },
    /** ProConnect's OpenID Connect client, when configured (otherwise the magic link alone). */
    proConnect:
      raw.PROCONNECT_ISSUER && raw.PROCONNECT_CLIENT_ID && raw.PROCONNECT_CLIENT_SECRET
        ? { issuer: raw.PROCONNECT_ISSUER, clientId: raw.PROCONNECT_CLIENT_ID, clientSecret: raw.PROCONNECT_CLIENT_SECRET }
        : null,
  };
}
