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
const nextSiret = () => String(10_000_000_000_000 + siretCounter++ * 7919).padStart(14, "0").slice(-14);

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

export async function createCandidate(overrides: { email?: string | null } = {}) {
  const id = unique();
  return prisma.candidate.create({
    data: {
      firstName: "Candidat",
      lastName: `Test${id}`,
      email: overrides.email === undefined ? `candidat-${id}@mail.test` : overrides.email,
    },
  });
}

/** An application as if sent and moved to `status` (no events or emails: set up state only). */
export async function createApplication(input: {
  candidateId: string;
  sender: { userId: string; organizationId: string };
  employerOrganizationId: string;
  status?: ApplicationStatus;
  createdAt?: Date;
}) {
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
