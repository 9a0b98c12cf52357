/**
 * Builders for integration tests: each call creates its own organisations, people and
 * applications with unique names, so tests never depend on each other or on the demo data.
 */
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import type { ApplicationStatus, OrganizationKind, OrganizationType } from "@/lib/generated/prisma/enums";

const unique = () => randomUUID().slice(0, 8);
let siretCounter = Math.floor(Math.random() * 1e8);
const nextSiret = () =>
  String(10_000_000_000_000 + siretCounter++ * 7919)
    .padStart(14, "0")
    .slice(-14);

export async function createOrganization(kind: OrganizationKind, overrides: { name?: string; type?: OrganizationType } = {}) {
  const id = unique();
  return prisma.organization.create({
    data: {
      kind,
      type: overrides.type ?? (kind === "PRESCRIBER" ? "FT" : "EI"),
      name: overrides.name ?? `${kind === "PRESCRIBER" ? "Prescripteur" : "Employeur"} ${id}`,
      siret: nextSiret(),
      city: "Lille",
      contactEmail: `contact-${id}@org.test`,
      contactPhone: "03 20 00 00 00",
    },
  });
}

/** A user who is a member of the organisation; returns the context lib functions take. */
export async function createMember(organization: { id: string; kind: OrganizationKind }, role: "ADMIN" | "MEMBER" = "MEMBER") {
  const id = unique();
  const user = await prisma.user.create({
    data: { email: `user-${id}@pro.test`, firstName: "Prénom", lastName: `Nom${id}`, name: `Prénom Nom${id}` },
  });
  await prisma.membership.create({ data: { userId: user.id, organizationId: organization.id, role } });
  const ctx: MemberContext = { userId: user.id, organizationId: organization.id, organizationKind: organization.kind, role };
  return { user, ctx };
}

type Names = { firstName: string; lastName: string; phone?: string | null; birthDate?: Date | null };
// The names each test candidate was created with: every organisation that applies for them
// records these, unless the test gives its own (CandidateProfile is per organisation).
const candidateNames = new Map<string, Names>();

/** A person (the shared identity), with the names organisations will record by default. */
export async function createCandidate(overrides: { email?: string | null; firstName?: string; lastName?: string } = {}) {
  const id = unique();
  const candidate = await prisma.candidate.create({
    data: { email: overrides.email === undefined ? `candidat-${id}@mail.test` : overrides.email },
  });
  const names = { firstName: overrides.firstName ?? "Candidat", lastName: overrides.lastName ?? `Test${id}` };
  candidateNames.set(candidate.id, names);
  return { ...candidate, ...names };
}

/**
 * An application as if sent and moved to `status` (no events or emails: set up state only). The
 * sending organisation's record of the person is created on its first application, from
 * `profile` or else the names given to createCandidate.
 */
export async function createApplication(input: {
  candidateId: string;
  sender: { userId: string; organizationId: string };
  employerOrganizationId: string;
  status?: ApplicationStatus;
  createdAt?: Date;
  profile?: Names;
}) {
  const names = input.profile ?? candidateNames.get(input.candidateId) ?? { firstName: "Candidat", lastName: "Test" };
  await prisma.candidateProfile.upsert({
    where: { candidateId_organizationId: { candidateId: input.candidateId, organizationId: input.sender.organizationId } },
    update: {},
    create: { candidateId: input.candidateId, organizationId: input.sender.organizationId, ...names },
  });
  return prisma.jobApplication.create({
    data: {
      candidateId: input.candidateId,
      senderUserId: input.sender.userId,
      senderOrganizationId: input.sender.organizationId,
      employerOrganizationId: input.employerOrganizationId,
      message: "Candidature de test, avec un message assez long.",
      status: input.status ?? "NEW",
      createdAt: input.createdAt,
    },
  });
}

/** One prescriber organisation with a member, one employer with a member, one candidate. */
export async function createScenario() {
  const prescriberOrg = await createOrganization("PRESCRIBER");
  const employerOrg = await createOrganization("EMPLOYER");
  const prescriber = await createMember(prescriberOrg);
  const employer = await createMember(employerOrg, "ADMIN");
  const candidate = await createCandidate();
  return { prescriberOrg, employerOrg, prescriber, employer, candidate };
}
