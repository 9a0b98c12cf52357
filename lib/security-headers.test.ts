import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossOriginWrite, loopbackAliasRedirect, securityHeaders } from "./security-headers";

const APP_URL = "https://suivi.example.gouv.fr";

describe("security headers", () => {
  const production = { pathname: "/dashboard", nonce: "bm9uY2U=", development: false, https: true };

  it("allow scripts by this response's nonce only, and forbid framing, plugins, <base> and foreign form targets", () => {
    const directives = contentSecurityPolicy(production).split("; ");
    expect(directives).toEqual(
      expect.arrayContaining([
        "script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "upgrade-insecure-requests",
      ]),
    );
    expect(contentSecurityPolicy(production)).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
  });

  it("let forms lead to ProConnect's origin only when it is configured", () => {
    expect(contentSecurityPolicy({ ...production, formTargets: ["https://auth.proconnect.gouv.fr"] })).toContain(
      "form-action 'self' https://auth.proconnect.gouv.fr;",
    );
  });

  it("let React's development eval run under next dev only", () => {
    expect(contentSecurityPolicy({ ...production, development: true })).toContain("'strict-dynamic' 'unsafe-eval'");
  });

  it("send nosniff, DENY, a minimal Permissions-Policy and HSTS on https", () => {
    expect(securityHeaders(production)).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    });
    expect(securityHeaders(production)["Permissions-Policy"]).toContain("camera=()");
  });

  it("send no HSTS and no upgrade over http (the demo, the end-to-end runs)", () => {
    const headers = securityHeaders({ ...production, https: false });
    expect(headers["Strict-Transport-Security"]).toBeUndefined();
    expect(headers["Content-Security-Policy"]).not.toContain("upgrade-insecure-requests");
  });

  it("keep the candidate's and the sign-in token out of any Referer", () => {
    expect(securityHeaders({ ...production, pathname: "/c/abc" })["Referrer-Policy"]).toBe("no-referrer");
    expect(securityHeaders({ ...production, pathname: "/connexion/confirmer" })["Referrer-Policy"]).toBe("same-origin");
    expect(securityHeaders({ ...production, pathname: "/connexion" })["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
  });
});

describe("cross-origin writes", () => {
  const write = (origin: string | null, isServerAction = true, method = "POST") =>
    isCrossOriginWrite({ method, origin, isServerAction }, APP_URL);

  it("refuse a server action or a form post from any origin but APP_URL, whatever the Host headers say", () => {
    expect(write("https://evil.test")).toBe(true);
    expect(write("https://evil.test", false)).toBe(true);
    expect(write("null")).toBe(true);
    expect(write("http://suivi.example.gouv.fr")).toBe(true);
    expect(write(APP_URL)).toBe(false);
  });

  it("refuse a server action without Origin, but not a non-browser request to another route", () => {
    expect(write(null, true)).toBe(true);
    expect(write(null, false)).toBe(false);
  });

  it("never concern reads", () => {
    expect(write("https://evil.test", false, "GET")).toBe(false);
    expect(write("https://evil.test", false, "HEAD")).toBe(false);
  });
});

describe("loopback alias", () => {
  const redirect = (host: string | null, appUrl = "http://localhost:3000", method = "GET") =>
    loopbackAliasRedirect({ method, host, pathAndQuery: "/connexion?x=1" }, appUrl);

  it("sends 127.0.0.1 to a localhost APP_URL of the same port, and back", () => {
    expect(redirect("127.0.0.1:3000")).toBe("http://localhost:3000/connexion?x=1");
    expect(redirect("localhost:3211", "http://127.0.0.1:3211")).toBe("http://127.0.0.1:3211/connexion?x=1");
  });

  it("leaves alone the canonical host, other ports, posts, and every public APP_URL", () => {
    expect(redirect("localhost:3000")).toBeNull();
    expect(redirect("127.0.0.1:3001")).toBeNull();
    expect(redirect("127.0.0.1:3000", undefined, "POST")).toBeNull();
    expect(redirect("127.0.0.1:3000", APP_URL)).toBeNull();
    expect(redirect("evil.test")).toBeNull();
  });
});
