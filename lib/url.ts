import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { isLoopbackHostname } from "@/lib/origin";

/**
 * The absolute base of links in emails and redirects: APP_URL. Only in development without
 * APP_URL does it follow the loopback host the browser used (localhost or 127.0.0.1, any port),
 * so that sign-in works on both; no other request header ever shapes a link.
 */
export async function getBaseUrl(): Promise<string> {
  if (env.appUrlIsPinned) return env.appUrl;
  return loopbackOrigin((await headers()).get("host")) ?? env.appUrl;
}

/** http://<host> when the Host header names this machine, else null. */
export function loopbackOrigin(host: string | null): string | null {
  if (!host) return null;
  try {
    const url = new URL(`http://${host}`);
    return url.host === host.toLowerCase() && isLoopbackHostname(url.hostname) ? url.origin : null;
  } catch {
    return null;
  }
}
