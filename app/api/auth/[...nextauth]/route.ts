import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth";
import { env } from "@/lib/env";
import { loopbackOrigin } from "@/lib/url";

/**
 * next-auth builds the magic link, the callback's redirect and its cookies from the request URL.
 * Hand it a plain Request on APP_URL (in production always; NextRequest would also rewrite
 * 127.0.0.1 to "localhost" in its URL), or, in development without APP_URL, on the loopback host
 * the browser used, so that sign-in works on localhost and 127.0.0.1 alike.
 */
function onCanonicalOrigin(request: NextRequest): NextRequest {
  const origin = env.appUrlIsPinned ? env.appUrl : (loopbackOrigin(request.headers.get("host")) ?? env.appUrl);
  const url = new URL(request.url);
  const canonical = new URL(origin);
  url.protocol = canonical.protocol;
  url.host = canonical.host;
  const init: RequestInit & { duplex?: "half" } = { method: request.method, headers: request.headers, body: request.body, duplex: "half" };
  return new Request(url, init) as NextRequest;
}

export const GET = (request: NextRequest) => handlers.GET(onCanonicalOrigin(request));
export const POST = (request: NextRequest) => handlers.POST(onCanonicalOrigin(request));
