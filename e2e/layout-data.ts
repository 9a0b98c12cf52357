/**
 * The layout spec's own data, written straight to the e2e database (scripts/e2e.ts gives the
 * Playwright process its DATABASE_URL): organisations and people with long names, a candidate with
 * several applications and long messages, and more applications than a list page holds (20).
 * Organisations of its own, so the demo data the other specs count on is untouched whatever order
 * they run in. Stable ids and upserts: a worker restarted after a failure may run it again.
 */
import { createPrismaClient } from "../prisma/client";
import type { ApplicationStatus } from "../lib/generated/prisma/enums";
import type { Prisma } from "../lib/generated/prisma/client";

const DAY = 86_400_000;

export const LAYOUT_PRESCRIBER = {
  email: "layout.prescripteur@demo.test",
  organization: {
    id: "layout-org-prescriber",
    kind: "PRESCRIBER",
    type: "DEPT",
    name: "Service départemental d'insertion et d'accompagnement vers l'emploi de la Seine-Saint-Denis, antenne de Saint-Ouen-sur-Seine",
    siret: "91000000100015",
    city: "Saint-Ouen-sur-Seine",
    postalCode: "93400",
    department: "93",
  },
} as const;

const EMPLOYERS = {
  main: {
    id: "layout-org-employer",
    kind: "EMPLOYER",
    type: "AI",
    name: "Association intermédiaire pour l'insertion professionnelle et la solidarité territoriale de la Métropole européenne de Lille",
    siret: "92000000100016",
    city: "Villeneuve-d'Ascq",
    postalCode: "59650",
    department: "59",
    contactEmail: "recrutement.insertion-solidarite@association-intermediaire-metropole-lille.demo.test",
    contactPhone: "03 20 00 00 01",
  },
  interim: {
    id: "layout-org-employer-etti",
    kind: "EMPLOYER",
    type: "ETTI",
    name: "Entreprise de travail temporaire d'insertion Hauts-de-France Intérim Solidaire et Développement Durable",
    siret: "93000000100017",
    city: "Saint-Pol-sur-Ternoise",
    postalCode: "62130",
    department: "62",
  },
  geiq: {
    id: "layout-org-employer-geiq",
    kind: "EMPLOYER",
    type: "GEIQ",
    name: "Groupement d'employeurs pour l'insertion et la qualification des métiers du bâtiment et des travaux publics",
    siret: "94000000100018",
    city: "Saint-André-lez-Lille",
    postalCode: "59350",
    department: "59",
  },
} as const;

export const LAYOUT_EMPLOYER = { email: "layout.employeur@demo.test", organization: EMPLOYERS.main } as const;

/** The candidate of the status page: several applications, long names and long messages. */
export const LAYOUT_CANDIDATE = {
  id: "layout-cand-main",
  firstName: "Marie-Antoinette",
  lastName: "Oyelaran-Vandenbroucke de Saint-Exupéry",
  email: "marie-antoinette.oyelaran-vandenbroucke@candidat.demo.test",
  /** NEW at the main employer: the candidate spec decides on it, which e-mails the status link. */
  pendingApplicationId: "layout-app-main-new",
} as const;

/** Of the many applications the main employer received: one to decide on, one hire to cancel, one archived (refused). */
export const LAYOUT_APPLICATIONS = { toDecide: "layout-app-01", hired: "layout-app-02", archived: "layout-app-05" } as const;

const LONG_JOB = "Agent polyvalent de tri, de valorisation et de réemploi des matériaux et des équipements";
const LONG_ANSWER = [
  "Bonjour Madame, nous vous remercions pour l'intérêt que vous portez à notre structure et pour le temps consacré à votre candidature.",
  "Après étude attentive de votre parcours, nous ne pouvons malheureusement pas y donner une suite favorable : l'ensemble des postes d'agent de préparation de commandes ont été pourvus pour la saison.",
  "Vous trouverez d'autres offres sur https://www.francetravail.fr/candidat/mes-demarches/rechercher-des-offres-d-emploi-inclusives-dans-les-hauts-de-france.html et votre conseillère reste à votre disposition.",
].join("\n\n");

const DECISIONS = {
  ACCEPTED: "accept",
  POSTPONED: "postpone",
  REFUSED: "refuse",
  CANCELLED: "cancel",
  OBSOLETE: "render_obsolete",
} as const;

type Row = {
  id: string;
  candidateId: string;
  employer: keyof typeof EMPLOYERS;
  status: ApplicationStatus;
  daysAgo: number;
  answer?: string;
};

function rows(): Row[] {
  const main: Row[] = [
    { id: LAYOUT_CANDIDATE.pendingApplicationId, candidateId: LAYOUT_CANDIDATE.id, employer: "main", status: "NEW", daysAgo: 1 },
    {
      id: "layout-app-main-refused",
      candidateId: LAYOUT_CANDIDATE.id,
      employer: "interim",
      status: "REFUSED",
      daysAgo: 12,
      answer: LONG_ANSWER,
    },
    {
      id: "layout-app-main-accepted",
      candidateId: LAYOUT_CANDIDATE.id,
      employer: "geiq",
      status: "ACCEPTED",
      daysAgo: 30,
      answer:
        "Bienvenue dans le groupement ! Rendez-vous le premier jour à 8 h 30 au 14 rue du Général-de-Gaulle, bâtiment C, 2e étage, avec vos équipements de protection individuelle.",
    },
  ];
  // More than a page (20) received by the main employer and sent by the prescriber organisation.
  const statuses: ApplicationStatus[] = ["NEW", "ACCEPTED", "PROCESSING", "POSTPONED", "REFUSED", "NEW"];
  const others = Array.from({ length: 24 }, (_, index): Row => {
    const n = String(index + 1).padStart(2, "0");
    return {
      id: `layout-app-${n}`,
      candidateId: `layout-cand-${n}`,
      employer: "main",
      status: statuses[index % statuses.length]!,
      daysAgo: 2 + index,
    };
  });
  return [...main, ...others];
}

/** Writes the layout data once (idempotent); needs the e2e database's DATABASE_URL. */
export async function createLayoutData(now = new Date()): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end tests with `npm run test:e2e`, which provides it.");
  const prisma = createPrismaClient(url);
  try {
    await prisma.$transaction(
      async (tx) => {
        for (const organization of [LAYOUT_PRESCRIBER.organization, ...Object.values(EMPLOYERS)]) {
          await tx.organization.upsert({ where: { id: organization.id }, update: {}, create: organization });
        }
        const people = [
          {
            email: LAYOUT_PRESCRIBER.email,
            firstName: "Marie-Bernadette",
            lastName: "de La Tour d'Auvergne-Lauraguais",
            organizationId: LAYOUT_PRESCRIBER.organization.id,
          },
          {
            email: LAYOUT_EMPLOYER.email,
            firstName: "Jean-Christophe",
            lastName: "Vandenbroucke-Oyelaran",
            organizationId: EMPLOYERS.main.id,
          },
        ];
        const userIds: string[] = [];
        for (const { organizationId, ...person } of people) {
          const user = await tx.user.upsert({
            where: { email: person.email },
            update: {},
            create: { ...person, name: `${person.firstName} ${person.lastName}` },
          });
          userIds.push(user.id);
          await tx.membership.upsert({
            where: { userId_organizationId: { userId: user.id, organizationId } },
            update: {},
            create: { userId: user.id, organizationId, role: "ADMIN" },
          });
        }
        const [senderId, employerUserId] = userIds as [string, string];

        const candidates = [
          {
            id: LAYOUT_CANDIDATE.id,
            firstName: LAYOUT_CANDIDATE.firstName,
            lastName: LAYOUT_CANDIDATE.lastName,
            email: LAYOUT_CANDIDATE.email,
          },
          ...Array.from({ length: 24 }, (_, index) => {
            const n = String(index + 1).padStart(2, "0");
            return {
              id: `layout-cand-${n}`,
              firstName: "Jean-Baptiste-Emmanuel",
              lastName: `Fitzgerald-Oyelaran de Montmorency ${n}`,
              email: null,
            };
          }),
        ];
        await tx.candidate.createMany({ skipDuplicates: true, data: candidates.map(({ id, email }) => ({ id, email })) });
        // The names are the sending organisation's record of each person (CandidateProfile).
        await tx.candidateProfile.createMany({
          skipDuplicates: true,
          data: candidates.map(({ id, firstName, lastName }) => ({
            candidateId: id,
            organizationId: LAYOUT_PRESCRIBER.organization.id,
            firstName,
            lastName,
          })),
        });

        const applications: Prisma.JobApplicationCreateManyInput[] = [];
        const events: Prisma.ApplicationEventCreateManyInput[] = [];
        for (const row of rows()) {
          const createdAt = new Date(now.getTime() - row.daysAgo * DAY);
          const decided = row.status !== "NEW" && row.status !== "PROCESSING";
          const hired = row.status === "ACCEPTED";
          const answer = row.answer ?? (decided ? "Bonjour, merci pour votre candidature ; nous revenons vers vous très vite." : null);
          const startDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 14));
          applications.push({
            id: row.id,
            candidateId: row.candidateId,
            senderUserId: senderId,
            senderOrganizationId: LAYOUT_PRESCRIBER.organization.id,
            employerOrganizationId: EMPLOYERS[row.employer].id,
            jobTitle: LONG_JOB,
            message: `Bonjour, je vous propose cette candidature. ${LONG_ANSWER}`,
            status: row.status,
            handlerId: row.status === "NEW" ? null : employerUserId,
            refusalReason: row.status === "REFUSED" ? "NO_POSITION" : null,
            answerToCandidate: answer,
            answerToPrescriber:
              row.status === "REFUSED"
                ? "Le poste a été pourvu en interne ; n'hésitez pas à nous proposer d'autres profils pour la rentrée."
                : null,
            hiringStartDate: hired ? startDate : null,
            hiringEndDate: hired ? new Date(startDate.getTime() + 180 * DAY) : null,
            createdAt,
            processedAt: row.status === "NEW" ? null : new Date(createdAt.getTime() + DAY / 2),
            // Issue 10: the archived state of the application page and the « Archivées » view.
            ...(row.id === LAYOUT_APPLICATIONS.archived
              ? { archivedAt: new Date(createdAt.getTime() + DAY), archivedById: employerUserId }
              : {}),
          });
          const at = (hours: number) => new Date(createdAt.getTime() + hours * 3_600_000);
          events.push({
            id: `${row.id}-send`,
            applicationId: row.id,
            transition: "send",
            fromStatus: null,
            toStatus: "NEW",
            actorId: senderId,
            createdAt: at(0),
          });
          if (row.status === "NEW") continue;
          events.push({
            id: `${row.id}-process`,
            applicationId: row.id,
            transition: "process",
            fromStatus: "NEW",
            toStatus: "PROCESSING",
            actorId: employerUserId,
            createdAt: at(1),
          });
          if (!decided) continue;
          const transition = DECISIONS[row.status as keyof typeof DECISIONS];
          events.push({
            id: `${row.id}-decision`,
            applicationId: row.id,
            transition,
            fromStatus: "PROCESSING",
            toStatus: row.status,
            actorId: employerUserId,
            message: answer,
            refusalReason: row.status === "REFUSED" ? "NO_POSITION" : null,
            hiringStartDate: hired ? startDate : null,
            createdAt: at(2),
          });
        }
        await tx.jobApplication.createMany({ data: applications, skipDuplicates: true });
        await tx.applicationEvent.createMany({ data: events, skipDuplicates: true });
        // "Commentaires internes": a long one, with a long unbroken word, on the application to decide.
        await tx.applicationNote.createMany({
          skipDuplicates: true,
          data: [
            {
              id: "layout-note-01",
              applicationId: LAYOUT_APPLICATIONS.toDecide,
              authorId: employerUserId,
              body: `${LONG_ANSWER}\n\nDossier : https://intranet.association-intermediaire-metropole-lille.demo.test/recrutement/candidatures/2026/fitzgerald-oyelaran-de-montmorency-01/compte-rendu-entretien-telephonique.pdf`,
              createdAt: new Date(now.getTime() - DAY),
            },
          ],
        });
      },
      { timeout: 60_000 },
    );
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Puts the outbox's shared pause on or off (the banner of "E-mails non remis"). The e2e server has
 * no Resend key, so no other spec's e-mails depend on it; the layout spec lifts it right after.
 */
export async function setSendingPaused(paused: boolean, now = new Date()): Promise<void> {
  const prisma = createPrismaClient(process.env.DATABASE_URL!);
  try {
    const state = paused
      ? { pausedAt: now, pauseReason: "401 invalid_api_key: API key is invalid" }
      : { pausedAt: null, pauseReason: null };
    await prisma.mailDeliveryState.upsert({ where: { id: 1 }, update: state, create: { id: 1, nextSendAt: now, ...state } });
  } finally {
    await prisma.$disconnect();
  }
}
