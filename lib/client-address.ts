import "server-only";
import { headers } from "next/headers";
import { CLIENT_ADDRESS_HEADER } from "@/lib/forwarded-address";

/**
 * The header through which the app's own HTTP server hands the client's address to Next. That
 * server (started by scripts/start.ts) always overwrites it, from the socket, or from the one
 * proxy header that TRUSTED_PROXY names, so a client can never choose it (lib/forwarded-address.ts).
 */
export { CLIENT_ADDRESS_HEADER };

/** The client's address for this request, or null where no such server runs (`next dev` alone). */
export async function clientAddress(): Promise<string | null> {
  return (await headers()).get(CLIENT_ADDRESS_HEADER);
}
