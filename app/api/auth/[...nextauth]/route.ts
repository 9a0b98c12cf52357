import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";

/**
 * NextRequest rewrites 127.0.0.1 to "localhost" in its URL, while the magic link was made from
 * the host the browser used: hand next-auth a plain Request on that host, so the callback's
 * redirect and cookies stay on it (unless AUTH_URL pins the origin).
 */
function withBrowserHost(request: NextRequest): NextRequest {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host || process.env.AUTH_URL) return request;
  const url = new URL(request.url);
  url.host = host;
  const proto = request.headers.get("x-forwarded-proto");
  if (proto) url.protocol = `${proto.replace(/:$/, "")}:`;
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers, body: request.body, duplex: "half" };
  return new Request(url, init) as NextRequest;
}

export const GET = (request: NextRequest) => handlers.GET(withBrowserHost(request));
export const POST = (request: NextRequest) => handlers.POST(withBrowserHost(request));
