/**
 * The environment, read and validated once (rules in lib/env-schema.ts). Defaults make
 * `npm run dev` work with nothing set; what production cannot do without fails at start-up with
 * a message that says what to set.
 */
import { parseEnv } from "./env-schema";

export const env = parseEnv(process.env);
