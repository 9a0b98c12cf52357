/**
 * The routes of the authorization matrix (e2e/authorization-matrix.ts), requested over HTTP from
 * the production build as each of the seven personas, redirects not followed. Server actions run
 * in test/authorization-matrix.test.ts.
 */
// Plain Playwright, not ./fixtures: no browser page is needed (nor its per-page checks).
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { compareWithMatrix, discoverRoutes } from "./authorization-discovery";
import { plantAuthorizationData, SESSION_COOKIE, type PlantedData } from "./authorization-fixtures";
import {
  GUARDED_NAMES,
  PERSONAS,
  ROUTES,
  type GuardedCandidate,
  type Persona,
  type RouteCase,
  type RouteFixtures,
  type RouteOutcome,
} from "./authorization-matrix";

test("the matrix has a row for every route under app/, and none for a route that no longer exists", () => {
  expect(compareWithMatrix(discoverRoutes(), Object.keys(ROUTES))).toEqual({ missing: [], stale: [] });
});

let planted: PlantedData;

test.beforeAll(async () => {
  planted = await plantAuthorizationData();
});

test.afterAll(async () => {
  await planted?.remove();
});

/**
 * A fresh client per request, signed in as the persona: no cookie carried over from another answer,
 * and no idle keep-alive socket that the server may close while it is reused (ECONNRESET).
 */
async function clientFor(persona: Persona, baseURL: string): Promise<APIRequestContext> {
  const cookies =
    persona === "anonymous"
      ? []
      : [
          {
            name: SESSION_COOKIE,
            value: planted.sessions[persona],
            domain: new URL(baseURL).hostname,
            path: "/",
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: "Lax" as const,
          },
        ];
  return playwrightRequest.newContext({ baseURL, storageState: { cookies, origins: [] } });
}

function fill(path: string, fixtures: RouteFixtures): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = fixtures[name as keyof RouteFixtures];
    if (!value) throw new Error(`Unknown fixture {${name}} in the authorization matrix`);
    return encodeURIComponent(value);
  });
}

/** Enough of HTML's escaping to read the page's words ("n&#x27;est" is "n'est"). */
const decodeEntities = (html: string) =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

function redirectTarget(response: APIResponse, baseURL: string): string | undefined {
  const location = response.headers()["location"];
  if (!location || response.status() < 300 || response.status() >= 400) return undefined;
  const url = new URL(location, baseURL);
  return url.origin === new URL(baseURL).origin ? `${url.pathname}${url.search}` : url.toString();
}

async function expectOutcome(response: APIResponse, body: string, outcome: RouteOutcome, row: RouteCase, baseURL: string) {
  const seen = `HTTP ${response.status()}${response.headers()["location"] ? ` → ${response.headers()["location"]}` : ""}`;
  switch (outcome) {
    case "page":
      expect(response.status(), seen).toBe(200);
      if (row.shows) expect(decodeEntities(body), `the page shows "${row.shows}"`).toContain(row.shows);
      return;
    case "notFound":
      return expect(response.status(), seen).toBe(404);
    case "signIn":
      return expect(redirectTarget(response, baseURL), seen).toBe("/connexion");
    default:
      return expect(redirectTarget(response, baseURL), seen).toBe(outcome.slice("redirect:".length));
  }
}

for (const [route, cases] of Object.entries(ROUTES)) {
  for (const row of cases) {
    for (const persona of PERSONAS) {
      const outcome = row.expect[persona];
      test(`${row.path} as ${persona}: ${outcome}`, async ({ baseURL }) => {
        const url = fill(row.path, planted.fixtures);
        const client = await clientFor(persona, baseURL!);
        const response = await client.get(url, { maxRedirects: 0 });
        const body = await response.text();
        await client.dispose();
        await expectOutcome(response, body, outcome, row, baseURL!);

        // Whatever the answer, it never names a candidate this persona's organisation does not know;
        // and a page that lists candidates shows those the persona may know.
        for (const [candidate, allowed] of Object.entries(GUARDED_NAMES) as [GuardedCandidate, readonly Persona[]][]) {
          if (allowed.includes(persona) || row.tokenHolderSees === candidate) {
            if (outcome === "page" && row.lists?.includes(candidate))
              expect(body, `${route} lists ${candidate} for ${persona}`).toContain(planted.names[candidate]);
          } else {
            expect(body, `${route}: ${candidate}'s name reached ${persona}`).not.toContain(planted.names[candidate]);
          }
        }
      });
    }
  }
}
