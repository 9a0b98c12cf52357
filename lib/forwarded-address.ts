/**
 * How the app's own HTTP server (scripts/start.ts) finds the client's address. Pure, and free of
 * Next and server-only imports: the start script loads it outside Next.
 */
import { isIP } from "node:net";

/** The header through which the app's own server hands the client's address to Next. */
export const CLIENT_ADDRESS_HEADER = "x-suivi-client-address";

type IncomingHeaders = Record<string, string | string[] | undefined>;

/** ::ffff:203.0.113.9 (IPv4 on a dual-stack socket) is 203.0.113.9. */
function normalize(address: string): string {
  return address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, "");
}

/**
 * The client's address: the socket's peer, or, when TRUSTED_PROXY names a header, the right-most
 * entry of that header. The right-most entry is the one the trusted proxy itself wrote; entries
 * to its left were sent by the client and may be forged (X-Forwarded-For: forged, real). A
 * missing or malformed value falls back to the socket's peer (the proxy), never to a client's word.
 */
export function resolveClientAddress(
  socketAddress: string | undefined,
  headers: IncomingHeaders,
  trustedProxyHeader?: string,
): string | null {
  if (trustedProxyHeader) {
    const value = headers[trustedProxyHeader];
    const rightMost = (Array.isArray(value) ? value.join(",") : (value ?? "")).split(",").at(-1)?.trim() ?? "";
    if (isIP(rightMost)) return normalize(rightMost);
  }
  return socketAddress ? normalize(socketAddress) : null;
}

/** Replaces whatever the client sent in CLIENT_ADDRESS_HEADER with the address found above. */
export function setClientAddressHeader(headers: IncomingHeaders, socketAddress: string | undefined, trustedProxyHeader?: string): void {
  delete headers[CLIENT_ADDRESS_HEADER];
  const address = resolveClientAddress(socketAddress, headers, trustedProxyHeader);
  if (address) headers[CLIENT_ADDRESS_HEADER] = address;
}
