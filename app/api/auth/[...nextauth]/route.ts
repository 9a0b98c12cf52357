import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { env } from "@/lib/env";
import { loopbackOrigin } from "@/lib/url";

/**
 * With APP_URL pinned (always in production), next-auth takes every URL from it (lib/env.ts sets
 * AUTH_URL). In development without APP_URL, NextRequest rewrites 127.0.0.1 to "localhost" in its
 * URL while the magic link was made from the host the browser used: hand next-auth a plain
 * Request on that loopback host, so the callback's redirect and cookies stay on it.
 */
function onBrowserLoopbackHost(request: NextRequest): NextRequest {
  const origin = env.appUrlIsPinned ? null : loopbackOrigin(request.headers.get("host"));
  if (!origin) return request;
  const url = new URL(request.url);
  url.host = new URL(origin).host;
  url.protocol = "http:";
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers, body: request.body, duplex: "half" };
  return new Request(url, init) as NextRequest;
}

export const GET = (request: NextRequest) => handlers.GET(onBrowserLoopbackHost(request));
export const POST = (request: NextRequest) => handlers.POST(onBrowserLoopbackHost(request));
