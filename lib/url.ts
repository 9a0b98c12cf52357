import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The absolute base of links in emails: APP_URL, else the host the browser used. */
export async function getBaseUrl(): Promise<string> {
  if (env.APP_URL) return env.APP_URL.replace(/\/$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost:3000";
  const proto = h.get("x-forwarded-proto") ?? (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}
