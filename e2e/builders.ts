/**
 * Each spec's own world, written straight to the e2e database (scripts/e2e.ts gives Playwright the
 * app's DATABASE_URL): organisations, people, candidates and applications in any status with their
 * history. The rows are test/data-builders.ts's, shared with the Vitest fixtures. Every call adds
 * a random suffix to names, e-mail addresses and SIRETs, so that specs running at the same time in
 * other workers never see, count or change each other's data, and the seeded demo data stays as
 * seeded. Sign a built member in with signIn(page, user.email) from e2e/fixtures.ts.
 */
import { createHash, randomBytes } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "../prisma/client";
import type { ApplicationStatus, MembershipRole, OrganizationType, RefusalReason } from "../lib/generated/prisma/enums";
import { dataBuilders, unique } from "../test/data-builders";

let client: PrismaClient | undefined;

/** The e2e database, opened on first use (one pool per Playwright worker). */
export function e2eDatabase(): PrismaClient {
  if (!client) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e`, which provides it.");
    client = createPrismaClient(url);
  }
  return client;
}

const lazyDatabase = new Proxy({} as PrismaClient, {
  get: (_target, prop) => {
    const value = Reflect.get(e2eDatabase(), prop);
    return typeof value === "function" ? value.bind(e2eDatabase()) : value;
  },
});
const rows = dataBuilders(lazyDatabase);

/** "Zélie Bérard-Nguyen" → "zelie-berard-nguyen", for readable e-mail addresses. */
const ascii = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

export interface BuiltOrganization {
  id: string;
  kind: "PRESCRIBER" | "EMPLOYER";
  type: OrganizationType;
  /** Unique: the given name followed by a random suffix. */
  name: string;
  city: string;
  contactEmail: string | null;
}

export interface BuiltUser {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  /** "First Last", as pages and e-mails name the person. */
  name: string;
  organizationId: string;
  role: MembershipRole;
}

export interface BuiltCandidate {
  id: string;
  email: string | null;
  firstName: string;
  lastName: string;
  /** "First Last", as lists and pages name the candidate. */
  name: string;
}

const DEFAULT_NAMES: Record<OrganizationType, string> = {
  FT: "France Travail",
  ML: "Mission locale",
  CAP_EMPLOI: "Cap emploi",
  DEPT: "Conseil départemental",
  OTHER: "Prescripteur habilité",
  EI: "Entreprise d'insertion",
  ACI: "Atelier chantier d'insertion",
  AI: "Association intermédiaire",
  ETTI: "Entreprise de travail temporaire d'insertion",
  EITI: "Entreprise d'insertion par le travail indépendant",
  GEIQ: "Groupement d'employeurs",
};
const PRESCRIBER_TYPES: readonly OrganizationType[] = ["FT", "ML", "CAP_EMPLOI", "DEPT", "OTHER"];

/** An organisation of this type (its kind follows), named `${name} ${suffix}`. */
export async function buildOrganization(
  type: OrganizationType,
  overrides: {
    name?: string;
    city?: string;
    postalCode?: string;
    department?: string;
    contactEmail?: string | null;
    contactPhone?: string | null;
  } = {},
): Promise<BuiltOrganization> {
  const kind = PRESCRIBER_TYPES.includes(type) ? "PRESCRIBER" : "EMPLOYER";
  const suffix = unique();
  const organization = await rows.createOrganization(kind, {
    type,
    name: `${overrides.name ?? DEFAULT_NAMES[type]} ${suffix}`,
    city: overrides.city ?? "Lille",
    postalCode: overrides.postalCode,
    department: overrides.department,
    contactEmail: overrides.contactEmail === undefined ? `contact-${suffix}@organisation.e2e.test` : overrides.contactEmail,
    contactPhone: overrides.contactPhone,
  });
  return {
    id: organization.id,
    kind,
    type,
    name: organization.name,
    city: organization.city,
    contactEmail: organization.contactEmail,
  };
}

/** A member (MEMBER unless said otherwise) with a unique address; `isActive: false` for someone who left. */
export async function buildMember(
  organization: BuiltOrganization,
  person: { firstName?: string; lastName?: string; role?: MembershipRole; isActive?: boolean } = {},
): Promise<BuiltUser> {
  const firstName = person.firstName ?? "Prénom";
  const lastName = person.lastName ?? `Nom${unique()}`;
  const role = person.role ?? "MEMBER";
  const { user } = await rows.createMember(organization, role, {
    firstName,
    lastName,
    email: `${ascii(firstName)}.${ascii(lastName)}-${unique()}@pro.e2e.test`,
    isActive: person.isActive,
  });
  return { id: user.id, email: user.email, firstName, lastName, name: `${firstName} ${lastName}`, organizationId: organization.id, role };
}

/**
 * A person. Names are kept as given (each spec's organisations are its own, so they are unique
 * where they are shown); the e-mail address is unique unless given, and `email: null` means none.
 */
export async function buildCandidate(person: { firstName: string; lastName: string; email?: string | null }): Promise<BuiltCandidate> {
  const email =
    person.email === undefined ? `${ascii(person.firstName)}.${ascii(person.lastName)}-${unique()}@candidat.e2e.test` : person.email;
  const candidate = await rows.createCandidate({ ...person, email });
  return {
    id: candidate.id,
    email: candidate.email,
    firstName: person.firstName,
    lastName: person.lastName,
    name: `${person.firstName} ${person.lastName}`,
  };
}

/**
 * An application sent by `sender` (a prescriber member) to `employer`, already moved to `status`
 * with the history the app would have written (handler, answers, dates, events). `handler` is the
 * employer member who studied and decided: required past NEW (except OBSOLETE, the system's).
 */
export async function buildApplication(input: {
  candidate: BuiltCandidate;
  sender: BuiltUser;
  employer: BuiltOrganization;
  status?: ApplicationStatus;
  handler?: BuiltUser;
  daysAgo?: number;
  jobTitle?: string;
  message?: string;
  /** The sender organisation's record of the person when it has none yet (default: the candidate's names). */
  profile?: { firstName: string; lastName: string; phone?: string | null; birthDate?: Date | null };
  refusalReason?: RefusalReason;
  answerToCandidate?: string;
  answerToPrescriber?: string;
  hiringStartDate?: Date;
  hiringEndDate?: Date;
  /** Issue 13: the jobs applied for (default: none, a spontaneous application). */
  jobIds?: string[];
}): Promise<{ id: string; path: string }> {
  const application = await rows.createApplication({
    candidateId: input.candidate.id,
    sender: { userId: input.sender.id, organizationId: input.sender.organizationId },
    employerOrganizationId: input.employer.id,
    status: input.status,
    createdAt: new Date(Date.now() - (input.daysAgo ?? 1) * 86_400_000),
    profile: input.profile,
    jobIds: input.jobIds,
    jobTitle: input.jobTitle ?? "Agent polyvalent",
    message: input.message ?? `Bonjour, je vous propose la candidature de ${input.candidate.name}, motivé(e) et disponible rapidement.`,
    history: {
      handlerId: input.handler?.id,
      refusalReason: input.refusalReason,
      answerToCandidate: input.answerToCandidate,
      answerToPrescriber: input.answerToPrescriber,
      hiringStartDate: input.hiringStartDate,
      hiringEndDate: input.hiringEndDate,
    },
  });
  return { id: application.id, path: `/applications/${application.id}` };
}

/** A "fiche de poste" of the employer (issue 13), open unless told otherwise; the title gets a suffix. */
export async function buildJob(
  employer: BuiltOrganization,
  job: { title: string; isOpen?: boolean; city?: string; department?: string },
): Promise<{ id: string; title: string }> {
  const row = await rows.createJob(employer.id, { ...job, title: `${job.title} ${unique()}` });
  return { id: row.id, title: row.title };
}

/**
 * The demo's cast (prisma/demo.ts), built afresh: two prescriber organisations (a France Travail
 * agency with two members, a Mission locale with its admin) and two employers (an EI with its
 * admin and a member, an ACI with its admin). People carry the demo's names, so that a story reads
 * the same; organisations, addresses and every row are the caller's alone.
 */
export async function buildCast() {
  const [FT, ML, EI, ACI] = [
    await buildOrganization("FT", { name: "France Travail Paris 18e", city: "Paris" }),
    await buildOrganization("ML", { name: "Mission locale de Lille" }),
    await buildOrganization("EI", { name: "La Recyclerie du Nord", city: "Roubaix" }),
    await buildOrganization("ACI", { name: "Les Jardins Solidaires", city: "Villeneuve-d'Ascq" }),
  ] as const;
  const users = {
    P1: await buildMember(FT, { firstName: "Camille", lastName: "Martin" }),
    P2: await buildMember(FT, { firstName: "Julien", lastName: "Bernard" }),
    ML: await buildMember(ML, { firstName: "Sophie", lastName: "Petit", role: "ADMIN" }),
    E1: await buildMember(EI, { firstName: "Nadia", lastName: "Lefèvre", role: "ADMIN" }),
    E2: await buildMember(EI, { firstName: "Thomas", lastName: "Moreau" }),
    A1: await buildMember(ACI, { firstName: "Karim", lastName: "Benali", role: "ADMIN" }),
  };
  return { organizations: { FT, ML, EI, ACI }, users };
}
export type Cast = Awaited<ReturnType<typeof buildCast>>;

/** Every address of a cast and of its candidates: the outbox readers' `to`, as other workers write e-mails too. */
export function addressesOf(cast: Cast, ...candidates: BuiltCandidate[]): string[] {
  return [...Object.values(cast.users).map((user) => user.email), ...candidates.flatMap((candidate) => candidate.email ?? [])];
}

/** A database session for the user (next-auth's session token), for HTTP clients that skip the sign-in journey. */
export const buildSession = (user: { id: string }) => rows.createSession(user);

/** A candidate status link (/c/<token>), stored hashed as lib/candidate-links.ts does (that module is server-only). */
export async function buildCandidateLink(candidate: { id: string }): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await e2eDatabase().candidateLink.create({
    data: {
      candidateId: candidate.id,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  return token;
}
