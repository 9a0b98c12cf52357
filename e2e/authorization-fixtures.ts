/**
 * The data the authorization matrix's routes need, written straight into the e2e database
 * (scripts/e2e.ts gives Playwright the same DATABASE_URL as the app): the seven personas'
 * sessions, two distinctive candidates and their applications, a candidate status link.
 * Everything is removed afterwards, so the specs that follow still see the demo data as seeded.
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { createPrismaClient, type PrismaClient } from "../prisma/client";
import { DEMO_ORGANIZATIONS, DEMO_USERS } from "../prisma/demo";
import type { GuardedCandidate, Persona, RouteFixtures } from "./authorization-matrix";

/** next-auth's database-session cookie on http (the e2e build serves http://127.0.0.1). */
export const SESSION_COOKIE = "authjs.session-token";

/** The demo accounts playing each persona (README): A = France Travail Paris 18e, B = Mission locale de Lille. */
const DEMO_PERSONAS = {
  prescriberA: DEMO_USERS.P1,
  colleagueA: DEMO_USERS.P2,
  prescriberB: DEMO_USERS.ML,
  employer: DEMO_USERS.E1,
  otherEmployer: DEMO_USERS.A1,
} as const;

export interface PlantedData {
  fixtures: RouteFixtures;
  /** The distinctive last name of each guarded candidate. */
  names: Record<GuardedCandidate, string>;
  /** The session token of each signed-in persona. */
  sessions: Record<Exclude<Persona, "anonymous">, string>;
  remove(): Promise<void>;
}

function openDatabase(): PrismaClient {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "The authorization matrix writes its fixtures to the e2e database: run it through `npm run test:e2e` with DATABASE_URL set.",
    );
  }
  return createPrismaClient(url);
}

export async function plantAuthorizationData(): Promise<PlantedData> {
  const prisma = openDatabase();
  const suffix = randomUUID().slice(0, 8);
  const { FT: organisationA, ML: organisationB, EI: receivingEmployer, ACI: otherEmployer } = DEMO_ORGANIZATIONS;

  const users = Object.fromEntries(
    await Promise.all(
      Object.entries(DEMO_PERSONAS).map(async ([persona, { email }]) => [
        persona,
        await prisma.user.findUniqueOrThrow({ where: { email }, select: { id: true } }),
      ]),
    ),
  ) as Record<keyof typeof DEMO_PERSONAS, { id: string }>;
  // Someone who left organisation A: the account and a session remain, the membership is inactive.
  const former = await prisma.user.create({
    data: {
      email: `ancien-membre-${suffix}@demo.test`,
      firstName: "Ancien",
      lastName: "Membre",
      name: "Ancien Membre",
      memberships: { create: { organizationId: organisationA.id, isActive: false } },
    },
  });

  // Each sending organisation's own record of the person (CandidateProfile) carries the names.
  const person = async (firstName: string, lastName: string, email: string, organizationId: string) => {
    const candidate = await prisma.candidate.create({ data: { email } });
    await prisma.candidateProfile.create({ data: { candidateId: candidate.id, organizationId, firstName, lastName } });
    return { id: candidate.id, lastName };
  };
  const sharedCandidate = await person("Ombeline", `Vasseurmatrix${suffix}`, `ombeline-${suffix}@mail.test`, organisationA.id);
  const candidateOfB = await person("Philémon", `Quintardmatrix${suffix}`, `philemon-${suffix}@mail.test`, organisationB.id);
  const application = (candidateId: string, senderUserId: string, senderOrganizationId: string, employerOrganizationId: string) =>
    prisma.jobApplication.create({
      data: {
        candidateId,
        senderUserId,
        senderOrganizationId,
        employerOrganizationId,
        message: "Candidature de la matrice d'autorisations.",
      },
      select: { id: true },
    });
  const sharedApplication = await application(sharedCandidate.id, users.prescriberA.id, organisationA.id, receivingEmployer.id);
  const applicationOfB = await application(candidateOfB.id, users.prescriberB.id, organisationB.id, otherEmployer.id);

  const token = randomBytes(32).toString("base64url");
  // Stored hashed, as lib/candidate-links.ts does (that module is server-only).
  await prisma.candidateLink.create({
    data: {
      candidateId: sharedCandidate.id,
      tokenHash: createHash("sha256").update(token).digest("hex"),
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });

  const sessions = {} as PlantedData["sessions"];
  for (const [persona, userId] of [...Object.entries(users).map(([p, u]) => [p, u.id]), ["formerMember", former.id]] as [
    keyof PlantedData["sessions"],
    string,
  ][]) {
    sessions[persona] = randomBytes(32).toString("hex");
    await prisma.session.create({ data: { sessionToken: sessions[persona], userId, expires: new Date(Date.now() + 3_600_000) } });
  }

  return {
    fixtures: {
      sharedApplication: sharedApplication.id,
      applicationOfB: applicationOfB.id,
      sharedCandidate: sharedCandidate.id,
      candidateOfB: candidateOfB.id,
      sharedCandidateToken: token,
    },
    names: { sharedCandidate: sharedCandidate.lastName, candidateOfB: candidateOfB.lastName },
    sessions,
    async remove() {
      try {
        const candidateIds = [sharedCandidate.id, candidateOfB.id];
        await prisma.session.deleteMany({ where: { sessionToken: { in: Object.values(sessions) } } });
        await prisma.outboxEmail.deleteMany({ where: { application: { candidateId: { in: candidateIds } } } });
        await prisma.jobApplication.deleteMany({ where: { candidateId: { in: candidateIds } } });
        await prisma.candidate.deleteMany({ where: { id: { in: candidateIds } } });
        await prisma.user.delete({ where: { id: former.id } });
      } finally {
        await prisma.$disconnect();
      }
    },
  };
}
