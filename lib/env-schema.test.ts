import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "./env-schema";

const SECRET = "a-production-secret-of-more-than-32-characters";
const production = { NODE_ENV: "production", AUTH_SECRET: SECRET, DATABASE_URL: "postgresql://db/app" };

describe("APP_URL, the one origin", () => {
  it("is required by a production server on a real database, with a French and English message", () => {
    expect(() => parseEnv(production)).toThrow(/APP_URL est obligatoire en production.*APP_URL is required in production/s);
  });

  it("is not required by next build, nor on the embedded demo database, where it follows PORT", () => {
    expect(parseEnv({ ...production, NEXT_PHASE: "phase-production-build" }).appUrl).toBe("http://localhost:3000");
    expect(parseEnv({ ...production, DATABASE_URL: undefined, EMBEDDED_DATABASE: "1", PORT: "3101" }).appUrl).toBe("http://localhost:3101");
  });

  it("must be https, except on a loopback host", () => {
    expect(() => parseEnv({ ...production, APP_URL: "http://suivi.example.gouv.fr" })).toThrow(/https/);
    expect(parseEnv({ ...production, APP_URL: "https://suivi.example.gouv.fr/" }).appUrl).toBe("https://suivi.example.gouv.fr");
    for (const loopback of ["http://127.0.0.1:3211", "http://localhost:3000", "http://[::1]:3000"]) {
      expect(parseEnv({ ...production, APP_URL: loopback }).appUrl).toBe(loopback);
    }
  });

  it("must be an origin: no path, no credentials, nothing that is not a URL", () => {
    for (const value of [
      "https://suivi.example.gouv.fr/app",
      "https://user:pw@suivi.example.gouv.fr",
      "suivi.example.gouv.fr",
      "https://x.fr/?a=1",
    ]) {
      expect(() => parseEnv({ ...production, APP_URL: value }), value).toThrow(/APP_URL/);
    }
  });

  it("pins links in production and whenever set; development without it follows the browser's loopback host", () => {
    expect(parseEnv({ ...production, APP_URL: "https://suivi.example.gouv.fr" }).appUrlIsPinned).toBe(true);
    expect(parseEnv({ NODE_ENV: "development", APP_URL: "http://127.0.0.1:3000" }).appUrlIsPinned).toBe(true);
    expect(parseEnv({ NODE_ENV: "development" }).appUrlIsPinned).toBe(false);
  });

  it("decides the Secure flag of cookies", () => {
    expect(parseEnv({ ...production, APP_URL: "https://suivi.example.gouv.fr" }).secureCookies).toBe(true);
    expect(parseEnv({ ...production, APP_URL: "http://127.0.0.1:3211" }).secureCookies).toBe(false);
  });

  it("leaves no room for AUTH_URL, another origin next-auth would follow", () => {
    expect(() => parseEnv({ ...production, APP_URL: "https://suivi.example.gouv.fr", AUTH_URL: "https://evil.test" })).toThrow(
      /AUTH_URL is not used/,
    );
  });
});

describe("DEV_MAILBOX, the dev mailbox in a production build", () => {
  const e2e = { ...production, APP_URL: "http://127.0.0.1:3211", DEV_MAILBOX: "1" };

  it("is open in development, closed in production unless DEV_MAILBOX=1, and then for loopback clients only", () => {
    expect(parseEnv({ NODE_ENV: "development" })).toMatchObject({ devMailboxEnabled: true, devMailboxLoopbackOnly: false });
    expect(parseEnv({ ...production, APP_URL: "https://suivi.example.gouv.fr" }).devMailboxEnabled).toBe(false);
    expect(parseEnv({ ...e2e, RESEND_API_KEY: "" })).toMatchObject({
      devMailboxEnabled: true,
      devMailboxLoopbackOnly: true,
      sendsRealEmail: false,
    });
  });

  it("is refused at start with a Resend key, or behind a public APP_URL", () => {
    expect(() => parseEnv({ ...e2e, RESEND_API_KEY: "re_live_key" })).toThrow(/DEV_MAILBOX=1 is refused with RESEND_API_KEY/);
    expect(() => parseEnv({ ...e2e, APP_URL: "https://suivi.example.gouv.fr" })).toThrow(/DEV_MAILBOX=1 is for the end-to-end tests only/);
  });
});

describe("BENCH_PAGES, the bench's floor page", () => {
  it("is closed by default, and opens only behind a loopback APP_URL", () => {
    expect(parseEnv({ ...production, APP_URL: "https://suivi.example.gouv.fr" }).benchPagesEnabled).toBe(false);
    expect(parseEnv({ ...production, APP_URL: "http://127.0.0.1:3310", BENCH_PAGES: "1" }).benchPagesEnabled).toBe(true);
    expect(() => parseEnv({ ...production, APP_URL: "https://suivi.example.gouv.fr", BENCH_PAGES: "1" })).toThrow(/BENCH_PAGES=1 is for/);
  });
});

describe("HTTP_COMPRESSION", () => {
  it("is on unless set to off, and a typo stops the start", () => {
    expect(parseEnv({}).HTTP_COMPRESSION).toBe("on");
    expect(parseEnv({ HTTP_COMPRESSION: "off" }).HTTP_COMPRESSION).toBe("off");
    expect(() => parseEnv({ HTTP_COMPRESSION: "false" })).toThrow(/HTTP_COMPRESSION doit valoir on ou off/);
  });

  it("is what next.config.js gives Next when the server starts", async () => {
    const load = async (value: string | undefined) => {
      const saved = process.env.HTTP_COMPRESSION;
      if (value === undefined) delete process.env.HTTP_COMPRESSION;
      else process.env.HTTP_COMPRESSION = value;
      try {
        // A fresh copy each time: the config reads the variable when it is loaded.
        vi.resetModules();
        // @ts-expect-error next.config.js is plain JavaScript, without types.
        return ((await import("../next.config.js")) as { default: { compress?: boolean } }).default.compress;
      } finally {
        if (saved === undefined) delete process.env.HTTP_COMPRESSION;
        else process.env.HTTP_COMPRESSION = saved;
      }
    };
    expect(await load(undefined)).toBe(true);
    expect(await load("on")).toBe(true);
    expect(await load("off")).toBe(false);
  });
});

describe("LEGAL_*", () => {
  it("are the operator's facts, trimmed, and null when unset or blank (the pages then say so)", () => {
    expect(parseEnv({}).legal).toEqual({ publisher: null, publicationDirector: null, host: null });
    expect(
      parseEnv({
        LEGAL_PUBLISHER: "  GIP Exemple, 1 rue de l'Exemple, 75000 Paris ",
        LEGAL_PUBLICATION_DIRECTOR: "Camille Martin",
        LEGAL_HOST: "   ",
      }).legal,
    ).toEqual({ publisher: "GIP Exemple, 1 rue de l'Exemple, 75000 Paris", publicationDirector: "Camille Martin", host: null });
    expect(() => parseEnv({ LEGAL_HOST: "x".repeat(501) })).toThrow(/LEGAL_HOST doit faire 500 caractères au plus/);
  });
});

describe("TRUSTED_PROXY", () => {
  it("names one header, in lower case", () => {
    expect(parseEnv({ TRUSTED_PROXY: "X-Forwarded-For" }).TRUSTED_PROXY).toBe("x-forwarded-for");
    expect(parseEnv({}).TRUSTED_PROXY).toBeUndefined();
  });

  it("cannot be a list, the Host header, or the app's own client-address header", () => {
    for (const value of ["x-forwarded-for, x-real-ip", "host", "X-Suivi-Client-Address", "x forwarded for"]) {
      expect(() => parseEnv({ TRUSTED_PROXY: value }), value).toThrow(/TRUSTED_PROXY/);
    }
  });
});

it("AUTH_SECRET stays required in production", () => {
  expect(() => parseEnv({ ...production, APP_URL: "https://suivi.example.gouv.fr", AUTH_SECRET: "" })).toThrow(/AUTH_SECRET is required/);
});

describe("Resend: endpoint and pace", () => {
  const live = { ...production, APP_URL: "https://suivi.example.gouv.fr", RESEND_API_KEY: "re_live" };

  it("paces at 2 requests per second unless told, and refuses a pace that is not a positive number", () => {
    expect(parseEnv({}).RESEND_RATE_LIMIT).toBe(2);
    expect(parseEnv({ RESEND_RATE_LIMIT: "10" }).RESEND_RATE_LIMIT).toBe(10);
    expect(() => parseEnv({ RESEND_RATE_LIMIT: "0" })).toThrow(/RESEND_RATE_LIMIT/);
    expect(() => parseEnv({ RESEND_RATE_LIMIT: "vite" })).toThrow(/RESEND_RATE_LIMIT/);
  });

  it("sends to https, or to a stand-in on this machine: never in clear to another host, nor to loopback behind a public APP_URL", () => {
    expect(parseEnv({ ...live, RESEND_BASE_URL: "https://api.resend.example" }).RESEND_BASE_URL).toBe("https://api.resend.example");
    expect(parseEnv({ RESEND_BASE_URL: "http://127.0.0.1:4010" }).RESEND_BASE_URL).toBe("http://127.0.0.1:4010");
    expect(parseEnv({ ...live, APP_URL: "http://127.0.0.1:3211", RESEND_BASE_URL: "http://127.0.0.1:4010" }).RESEND_BASE_URL).toBe(
      "http://127.0.0.1:4010",
    );
    expect(() => parseEnv({ ...live, RESEND_BASE_URL: "http://127.0.0.1:4010" })).toThrow(/RESEND_BASE_URL must be an https/);
    expect(() => parseEnv({ RESEND_BASE_URL: "http://resend.internal" })).toThrow(/RESEND_BASE_URL must be an https/);
    expect(() => parseEnv({ RESEND_BASE_URL: "pas une adresse" })).toThrow(/RESEND_BASE_URL must be an https/);
  });
});

describe("ProConnect", () => {
  const live = { ...production, APP_URL: "https://suivi.example.gouv.fr" };
  const proConnect = {
    PROCONNECT_ISSUER: "https://auth.agentconnect.gouv.fr/api/v2",
    PROCONNECT_CLIENT_ID: "client",
    PROCONNECT_CLIENT_SECRET: "secret",
  };

  it("is offered only when the issuer, the client id and the secret are all set", () => {
    expect(parseEnv(live).proConnect).toBeNull();
    expect(parseEnv({ ...live, ...proConnect }).proConnect).toEqual({
      issuer: "https://auth.agentconnect.gouv.fr/api/v2",
      clientId: "client",
      clientSecret: "secret",
    });
    expect(() => parseEnv({ ...live, ...proConnect, PROCONNECT_CLIENT_SECRET: "" })).toThrow(/PROCONNECT_ISSUER, PROCONNECT_CLIENT_ID and/);
  });

  it("talks to its issuer over https, or to a provider on this machine behind a loopback APP_URL", () => {
    const local = { ...proConnect, PROCONNECT_ISSUER: "http://127.0.0.1:4020" };
    expect(parseEnv({ ...live, APP_URL: "http://127.0.0.1:3211", ...local }).proConnect?.issuer).toBe("http://127.0.0.1:4020");
    expect(() => parseEnv({ ...live, ...local })).toThrow(/PROCONNECT_ISSUER must be an https/);
    expect(() => parseEnv({ ...proConnect, PROCONNECT_ISSUER: "http://proconnect.internal" })).toThrow(
      /PROCONNECT_ISSUER must be an https/,
    );
  });
});
