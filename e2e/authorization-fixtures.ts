/**
 * The data the authorization matrix's routes need, written straight into the e2e database
 * (scripts/e2e.ts gives Playwright the same DATABASE_URL as the app) through e2e/builders.ts: the
 * four organisations and seven personas of its own (built afresh by each worker, so that no
 * other spec's data shows in its lists, and its own never shows in theirs), their sessions, two
 * distinctive candidates and their applications, a candidate status link.
 */
import { randomUUID } from "node:crypto";
import {
  buildApplication,
  buildCandidate,
  buildCandidateLink,
  buildJob,
  buildMember,
  buildOrganization,
  buildSession,
  e2eDatabase,
} from "./builders";
import type { GuardedCandidate, Persona, RouteFixtures } from "./authorization-matrix";

/** next-auth's database-session cookie on http (the e2e build serves http://127.0.0.1). */
export const SESSION_COOKIE = "authjs.session-token";

export interface PlantedData {
  fixtures: RouteFixtures;
  /** The distinctive last name of each guarded candidate. */
  names: Record<GuardedCandidate, string>;
  /** The session token of each signed-in persona. */
  sessions: Record<Exclude<Persona, "anonymous">, string>;
  /** Ends the personas' sessions (the rest is this worker's own and harms nobody). */
  remove(): Promise<void>;
}

export async function plantAuthorizationData(): Promise<PlantedData> {
  const suffix = randomUUID().slice(0, 8);
  // A and B are prescriber organisations; roles as the README's demo personas have them.
  const organisationA = await buildOrganization("FT", { name: "France Travail Paris 18e" });
  const organisationB = await buildOrganization("ML", { name: "Mission locale de Lille" });
  const receivingEmployer = await buildOrganization("EI", { name: "La Recyclerie du Nord" });
  const otherEmployer = await buildOrganization("ACI", { name: "Les Jardins Solidaires" });
  const users = {
    prescriberA: await buildMember(organisationA, { firstName: "Camille", lastName: "Martin" }),
    colleagueA: await buildMember(organisationA, { firstName: "Julien", lastName: "Bernard" }),
    prescriberB: await buildMember(organisationB, { firstName: "Sophie", lastName: "Petit", role: "ADMIN" }),
    employer: await buildMember(receivingEmployer, { firstName: "Nadia", lastName: "Lefèvre", role: "ADMIN" }),
    otherEmployer: await buildMember(otherEmployer, { firstName: "Karim", lastName: "Benali", role: "ADMIN" }),
    // Someone who left organisation A: the account and a session remain, the membership is inactive.
    formerMember: await buildMember(organisationA, { firstName: "Ancien", lastName: "Membre", isActive: false }),
  };

  const sharedCandidate = await buildCandidate({ firstName: "Ombeline", lastName: `Vasseurmatrix${suffix}` });
  const candidateOfB = await buildCandidate({ firstName: "Philémon", lastName: `Quintardmatrix${suffix}` });
  const message = "Candidature de la matrice d'autorisations.";
  const sharedApplication = await buildApplication({
    candidate: sharedCandidate,
    sender: users.prescriberA,
    employer: receivingEmployer,
    message,
  });
  const applicationOfB = await buildApplication({ candidate: candidateOfB, sender: users.prescriberB, employer: otherEmployer, message });
  const token = await buildCandidateLink(sharedCandidate);
  const employerJob = await buildJob(receivingEmployer, { title: "Agent de tri" });

  const sessions = {} as PlantedData["sessions"];
  for (const [persona, user] of Object.entries(users) as [keyof PlantedData["sessions"], { id: string }][]) {
    sessions[persona] = await buildSession(user);
  }

  return {
    fixtures: {
      sharedApplication: sharedApplication.id,
      applicationOfB: applicationOfB.id,
      sharedCandidate: sharedCandidate.id,
      candidateOfB: candidateOfB.id,
      sharedCandidateToken: token,
      employerJob: employerJob.id,
    },
    names: { sharedCandidate: sharedCandidate.lastName, candidateOfB: candidateOfB.lastName },
    sessions,
    async remove() {
      await e2eDatabase().session.deleteMany({ where: { sessionToken: { in: Object.values(sessions) } } });
    },
  };
}
