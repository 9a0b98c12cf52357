/**
 * The server actions of the authorization matrix (e2e/authorization-matrix.ts), run as each persona
 * against the real database, each signed in by a real session. Only the request's cookies/headers,
 * next-auth's own flows and Next's cache are replaced: the guards, scopes and transitions under test run for real.
 * Why here and not over HTTP: an action's answer is a typed value (a French error, a redirect, a
 * 404) that Next's private action protocol would only give back encoded, and "nothing was written"
 * is checked on the whole database around each call.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { createApplication, createCandidate, createJob, createMember, createOrganization, createSession } from "@/test/fixtures";
import { SESSION_COOKIE } from "@/lib/auth/session";
import { compareWithMatrix, discoverRoutes, discoverServerActions } from "@/e2e/authorization-discovery";
import { ACTIONS, GUARDED_NAMES, PERSONAS, ROUTES, type ActionCase, type ActionScene, type Persona } from "@/e2e/authorization-matrix";

const request = vi.hoisted(() => ({ cookies: new Map<string, string>() }));

vi.mock("@/lib/auth", () => ({
  // next-auth's own flows (sending the link, deleting the session) are not authorization: they are stood in for.
  // As next-auth answers a link asked for with redirect: false: its own "check your inbox" route.
  signIn: async () => "http://localhost:3000/api/auth/verify-request?provider=resend&type=email",
  signOut: async () => undefined,
  handlers: {},
}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name) } : undefined),
    set: (name: string, value: string) => void request.cookies.set(name, value),
    delete: (name: string) => void request.cookies.delete(name),
  }),
  headers: async () => new Headers({ host: "127.0.0.1:3000" }),
}));
// Outside a Next request there is no cache to refresh.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const unique = () => randomUUID().slice(0, 8);

// ——— The scene: two prescriber organisations, two employers, seven personas ———

const sessionTokens = {} as Record<Exclude<Persona, "anonymous">, string>;
const names = {} as Record<keyof typeof GUARDED_NAMES, string>;
let scene: ActionScene;

beforeAll(async () => {
  const [organisationA, organisationB, receivingEmployer, otherEmployer] = await Promise.all([
    createOrganization("PRESCRIBER"),
    createOrganization("PRESCRIBER"),
    createOrganization("EMPLOYER"),
    createOrganization("EMPLOYER", { type: "ACI" }),
  ]);
  const [prescriberA, colleagueA, prescriberB, employer, other, former] = await Promise.all([
    createMember(organisationA),
    createMember(organisationA),
    createMember(organisationB, "ADMIN"),
    createMember(receivingEmployer, "ADMIN"),
    createMember(otherEmployer, "ADMIN"),
    createMember(organisationA),
  ]);
  await prisma.membership.updateMany({ where: { userId: former.user.id }, data: { isActive: false } });
  Object.assign(sessionTokens, {
    prescriberA: await createSession(prescriberA.user),
    colleagueA: await createSession(colleagueA.user),
    prescriberB: await createSession(prescriberB.user),
    employer: await createSession(employer.user),
    otherEmployer: await createSession(other.user),
    formerMember: await createSession(former.user),
  });

  const sharedCandidate = await createCandidate({
    firstName: "Ombeline",
    lastName: `Vasseurmatrix${unique()}`,
    email: `ombeline-${unique()}@mail.test`,
  });
  const candidateOfB = await createCandidate({
    firstName: "Philémon",
    lastName: `Quintardmatrix${unique()}`,
    email: `philemon-${unique()}@mail.test`,
  });
  names.sharedCandidate = sharedCandidate.lastName;
  names.candidateOfB = candidateOfB.lastName;
  const sharedApplication = async (status: ApplicationStatus) =>
    (
      await createApplication({
        candidateId: sharedCandidate.id,
        sender: prescriberA.ctx,
        employerOrganizationId: receivingEmployer.id,
        status,
      })
    ).id;
  await sharedApplication("NEW");
  await createApplication({ candidateId: candidateOfB.id, sender: prescriberB.ctx, employerOrganizationId: otherEmployer.id });

  scene = {
    organisationA: organisationA.id,
    sharedCandidate: sharedCandidate.id,
    candidateOfB: candidateOfB.id,
    candidateOfBLastName: candidateOfB.lastName,
    sharedApplication,
    archivedSharedApplication: async (status: ApplicationStatus) => {
      const id = await sharedApplication(status);
      await prisma.jobApplication.update({ where: { id }, data: { archivedAt: new Date(), archivedById: employer.user.id } });
      return id;
    },
    freshEmployer: async () => (await createOrganization("EMPLOYER")).id,
    employerJob: async (isOpen: boolean) => (await createJob(receivingEmployer.id, { isOpen })).id,
    freshMembership: async (organisation: "A" | "B") => {
      const { user } = await createMember(organisation === "A" ? organisationA : organisationB);
      return (await prisma.membership.findFirstOrThrow({ where: { userId: user.id }, select: { id: true } })).id;
    },
    employerNote: async () =>
      (
        await prisma.applicationNote.create({
          data: { applicationId: await sharedApplication("NEW"), authorId: employer.user.id, body: "Note." },
        })
      ).id,
    failedEmployerEmail: async () =>
      (
        await prisma.outboxEmail.create({
          data: {
            to: employer.user.email,
            userId: employer.user.id,
            applicationId: await sharedApplication("NEW"),
            template: "application_received",
            subject: "Nouvelle candidature",
            text: "…",
            html: "<p>…</p>",
            status: "FAILED",
            attempts: 12,
            error: "422 invalid_to",
            idempotencyKey: `matrix-${unique()}`,
          },
        })
      ).id,
  };
});

afterAll(() => {
  request.cookies.clear();
});

// ——— What a call did ———

type Observed = { redirect: string } | { notFound: true } | { result: unknown };

function digestOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "digest" in error && typeof error.digest === "string" ? error.digest : undefined;
}

async function observe(call: () => Promise<unknown>): Promise<Observed> {
  try {
    return { result: await call() };
  } catch (error) {
    const digest = digestOf(error);
    // next/navigation's redirect() and notFound() throw errors Next recognises by their digest.
    if (digest?.startsWith("NEXT_REDIRECT;")) return { redirect: digest.split(";")[2]! };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { notFound: true };
    throw error;
  }
}

/** The whole database (every table but the migrations log) and the cookies, as one comparable value. */
async function fingerprint(): Promise<string> {
  const tables = await prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const parts = await Promise.all(
    tables.map(async ({ name }) => {
      const [row] = await prisma.$queryRawUnsafe<{ digest: string }[]>(
        `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM "${name.replace(/"/g, '""')}" t`,
      );
      return `${name}:${row!.digest}`;
    }),
  );
  return [...parts, `cookies:${JSON.stringify([...request.cookies])}`].join("\n");
}

function describeObserved(observed: Observed): string {
  if ("redirect" in observed) return `redirect to ${observed.redirect}`;
  if ("notFound" in observed) return "404";
  return `result ${JSON.stringify(observed.result)}`;
}

function expectOutcome(observed: Observed, outcome: ActionCase["expect"][Persona], row: ActionCase) {
  const seen = describeObserved(observed);
  const expectRedirect = (to: string) => expect("redirect" in observed && observed.redirect, seen).toBe(to);
  switch (outcome) {
    case "signIn":
      return expectRedirect("/connexion");
    case "noOrganisation":
      return expectRedirect("/organisation?aucune=1");
    case "notFound":
      return expect("notFound" in observed, seen).toBe(true);
    case "ok":
      if (row.okRedirect) return expectRedirect(row.okRedirect);
      expect("result" in observed, seen).toBe(true);
      if ("result" in observed && observed.result && typeof observed.result === "object") {
        expect(observed.result, seen).not.toHaveProperty("error");
        expect((observed.result as { ok?: unknown }).ok, seen).not.toBe(false);
      }
      return;
    case "refused": {
      const result = "result" in observed ? (observed.result as { error?: unknown; ok?: unknown }) : undefined;
      expect(typeof result?.error === "string" && result.error.length > 0, seen).toBe(true);
      // French, in a sentence: an accented letter or a French word, never an error code.
      expect(result!.error as string, seen).toMatch(/[éèêàçù]|\b(des|les|la|le|est|pas)\b/i);
      return expect(result?.ok, seen).not.toBe(true);
    }
    default:
      return expectRedirect(outcome.slice("redirect:".length));
  }
}

const writesFor = (row: ActionCase, persona: Persona) => (Array.isArray(row.writes) ? row.writes.includes(persona) : row.writes === true);

// ——— The matrix ———

describe("authorization matrix: completeness", () => {
  it("has a row for every route under app/, and no row for a route that no longer exists", () => {
    expect(compareWithMatrix(discoverRoutes(), Object.keys(ROUTES))).toEqual({ missing: [], stale: [] });
  });

  it("has a row for every exported server action, and no row for an action that no longer exists", () => {
    const { actions, inline } = discoverServerActions();
    expect(compareWithMatrix(actions, Object.keys(ACTIONS))).toEqual({ missing: [], stale: [] });
    // An action defined inside a component has no file#name the matrix could list: keep actions in 'use server' files.
    expect(inline).toEqual([]);
  });

  it("states an outcome for every persona in every row", () => {
    for (const cases of [...Object.values(ROUTES), ...Object.values(ACTIONS)]) {
      for (const row of cases) expect(Object.keys(row.expect).sort()).toEqual([...PERSONAS].sort());
    }
  });
});

describe("authorization matrix: server actions", () => {
  for (const [key, cases] of Object.entries(ACTIONS)) {
    const [file, exportName] = key.split("#") as [string, string];
    for (const row of cases) {
      for (const persona of PERSONAS) {
        const outcome = row.expect[persona];
        it(`${key}${row.label ? ` (${row.label})` : ""} as ${persona}: ${outcome}`, async () => {
          const loaded = (await import(/* @vite-ignore */ `../${file}`)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
          const action = loaded[exportName];
          expect(action, `${file} exports ${exportName}`).toBeTypeOf("function");

          const args = await row.args(scene);
          request.cookies.clear();
          if (persona !== "anonymous") request.cookies.set(SESSION_COOKIE, sessionTokens[persona]);
          const before = await fingerprint();
          const observed = await observe(() => action!(...args));
          const after = await fingerprint();
          request.cookies.clear();

          expectOutcome(observed, outcome, row);
          if (outcome === "ok" && writesFor(row, persona)) expect(after, "the action wrote its change").not.toBe(before);
          else expect(after, "nothing was written").toBe(before);

          // No answer carries the name of a candidate this persona's organisation does not know.
          const answer = JSON.stringify(observed);
          for (const [candidate, allowed] of Object.entries(GUARDED_NAMES) as [keyof typeof GUARDED_NAMES, readonly Persona[]][]) {
            if (!allowed.includes(persona)) expect(answer, `${candidate}'s name reached ${persona}`).not.toContain(names[candidate]);
          }
        });
      }
    }
  }
});
