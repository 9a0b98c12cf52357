/**
 * Pure rules about origins and addresses, shared by lib/env.ts, proxy.ts and scripts/start.ts
 * (no Next or server-only import: the start script loads it outside Next).
 */
import { isIP } from "node:net";

const LOOPBACK_HOSTNAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** localhost, 127.0.0.1 or [::1]: a host only this machine can reach, where http is acceptable. */
export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTNAMES.has(hostname.toLowerCase());
}

/** A socket or forwarded address of this machine: 127.0.0.0/8, ::1, or 127.x mapped into IPv6. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const ip = address.toLowerCase().replace(/^::ffff:/, "");
  if (isIP(ip) === 4) return ip.startsWith("127.");
  return ip === "::1" || ip === "0:0:0:0:0:0:0:1";
}

/**
 * The canonical origin from APP_URL: scheme, host and port only. https is required, except on a
 * loopback host (the demo and the end-to-end runs serve http://127.0.0.1:PORT).
 * Returns a French and English message when the value cannot be used.
 */
export function parseAppUrl(value: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: `APP_URL n'est pas une URL valide / APP_URL is not a valid URL: "${value}"` };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHostname(url.hostname))) {
    return { error: `APP_URL doit commencer par https:// / APP_URL must be an https:// origin (http only for localhost): "${value}"` };
  }
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password) {
    return {
      error: `APP_URL doit être une origine, sans chemin / APP_URL must be an origin, without a path: "${value}" (e.g. https://suivi.example.gouv.fr)`,
    };
  }
  return { origin: url.origin };
}

/**
 * /dev/mails shows live sign-in and candidate links. In a production build (DEV_MAILBOX=1, for the
 * end-to-end runs) it answers only a client on this machine; without the app's own server there
 * is no known address, and it stays closed.
 */
export function mayOpenDevMailbox(
  rule: { devMailboxEnabled: boolean; devMailboxLoopbackOnly: boolean },
  clientAddress: string | null,
): boolean {
  if (!rule.devMailboxEnabled) return false;
  return !rule.devMailboxLoopbackOnly || isLoopbackAddress(clientAddress);
}
