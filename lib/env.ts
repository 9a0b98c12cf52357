/**
 * The environment, read and validated once (rules in lib/env-schema.ts). Defaults make
 * `npm run dev` work with nothing set; what production cannot do without fails at start-up with
 * a message that says what to set.
 */
import { parseEnv } from "./env-schema";

export const env = parseEnv(process.env);

// next-auth reads AUTH_URL straight from process.env for every URL it builds (sign-in links,
// callbacks, redirects); without it, it trusts the Host and X-Forwarded-* headers. Pin it to APP_URL.
if (env.appUrlIsPinned) process.env.AUTH_URL = env.appUrl;
