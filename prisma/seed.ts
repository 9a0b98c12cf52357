/**
 * Demo data of DESIGN §8: six professionals in four organisations and ~30 candidates with
 * applications in every status, sent by both prescriber organisations to both employers.
 * Idempotent: stable ids and unique keys, so a second run adds nothing and overwrites nothing.
 * CLI: `npm run db:seed` (uses DATABASE_URL).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { PrismaClient } from "./client";
import type { ApplicationStatus, RefusalReason } from "../lib/generated/prisma/enums";
import type { Prisma } from "../lib/generated/prisma/client";
import { isTeamDecision } from "../lib/status";
import { DEMO_JOBS, DEMO_NOTES, DEMO_ORGANIZATIONS, DEMO_USERS, type UserKey } from "./demo";

const CANDIDATE_NAMES = [
  "Alice Moreau",
  "Bilal Haddad",
  "Chloé Dubois",
  "David Nguyen",
  "Emma Laurent",
  "Fatou Diallo",
  "Gabriel Roux",
  "Hugo Fontaine",
  "Inès Benali",
  "Jules Mercier",
  "Karima Saïdi",
  "Lucas Girard",
  "Manon Lambert",
  "Nicolas Faure",
  "Océane Robin",
  "Paul Chevalier",
  "Quentin Blanc",
  "Rania Cherif",
  "Samuel Garnier",
  "Thi Mai Tran",
  "Ugo Perrin",
  "Valentine Morel",
  "William Dupont",
  "Yasmine Amrani",
  "Zoé Lefebvre",
  "Adrien Marchand",
  "Binta Camara",
  "Cédric Noël",
  "Denise Caron",
  "Elias Meyer",
  "Farida Bensaïd",
  "Gaël Le Goff",
  "Hélène Vasseur",
  "Ibrahima Sow",
  "Joséphine Masson",
  "Kevin Lemaire",
];
// The one candidate who has no email: every decision reaches them through their prescriber only.
const CANDIDATE_WITHOUT_EMAIL = 7;

const employerMembers: Record<"EI" | "ACI", UserKey[]> = { EI: ["E1", "E2"], ACI: ["A1"] };

/**
 * Issue 10: archived by a member (its key) or by the daily job ("system"), days ago; and the day the
 * employer team was warned of the automatic refusal, days ago.
 */
export interface RowExtra {
  archived?: { by: UserKey | "system"; daysAgo: number };
  autoRefusalWarnedDaysAgo?: number;
}
// [candidate, sender, employer, status, days ago, refusal reason, archiving and warning]
export type Row = [number, UserKey, "EI" | "ACI", ApplicationStatus, number, RefusalReason?, RowExtra?];
export const DEMO_APPLICATIONS: Row[] = [
  [0, "P1", "EI", "NEW", 1],
  [1, "P2", "EI", "NEW", 2],
  [2, "ML", "EI", "NEW", 3],
  [3, "ML", "ACI", "NEW", 2],
  [4, "P1", "ACI", "NEW", 4],
  [5, "P1", "EI", "PROCESSING", 6],
  [6, "ML", "EI", "PROCESSING", 7],
  [7, "P2", "ACI", "PROCESSING", 5],
  [8, "P1", "EI", "POSTPONED", 12],
  [9, "ML", "ACI", "POSTPONED", 14],
  [10, "P2", "EI", "ACCEPTED", 20],
  [11, "ML", "ACI", "ACCEPTED", 25],
  [12, "P1", "EI", "REFUSED", 18, "NO_POSITION"],
  [13, "P2", "ACI", "REFUSED", 16, "NOT_MOBILE"],
  [14, "ML", "EI", "REFUSED", 22, "OTHER"],
  [15, "P1", "EI", "CANCELLED", 30],
  [16, "ML", "ACI", "CANCELLED", 35],
  // Hired by one employer: their other application became "Embauché ailleurs".
  [17, "P2", "EI", "OBSOLETE", 12],
  [17, "P1", "ACI", "ACCEPTED", 10],
  [18, "ML", "ACI", "OBSOLETE", 9],
  [18, "ML", "EI", "ACCEPTED", 8],
  // Pending with both employers, from both prescriber organisations.
  [19, "P1", "EI", "NEW", 1],
  [19, "ML", "ACI", "NEW", 2],
  [20, "P2", "EI", "PROCESSING", 3],
  [20, "P1", "ACI", "NEW", 3],
  [21, "P1", "EI", "NEW", 0],
  [22, "ML", "ACI", "PROCESSING", 4],
  [23, "P2", "ACI", "POSTPONED", 9],
  [24, "P1", "ACI", "REFUSED", 11, "UNREACHABLE"],
  [25, "ML", "EI", "POSTPONED", 13],
  [26, "P2", "EI", "NEW", 5],
  [27, "ML", "ACI", "NEW", 6],
  [28, "P1", "EI", "REFUSED", 40, "DUPLICATE"],
  [29, "P2", "ACI", "ACCEPTED", 45],
  // Archived (issue 10): two closed by hand, one left untouched for more than 180 days.
  [30, "P1", "EI", "REFUSED", 70, "NOT_INTERESTED", { archived: { by: "E1", daysAgo: 20 } }],
  [31, "ML", "EI", "CANCELLED", 95, undefined, { archived: { by: "E2", daysAgo: 40 } }],
  [32, "P2", "ACI", "POSTPONED", 200, undefined, { archived: { by: "system", daysAgo: 18 } }],
  // Close to the automatic refusal (60 days without a status change): the team was warned, and
  // one more will be listed in a few days.
  [33, "P1", "EI", "NEW", 50, undefined, { autoRefusalWarnedDaysAgo: 4 }],
  [34, "ML", "EI", "PROCESSING", 55, undefined, { autoRefusalWarnedDaysAgo: 9 }],
  [35, "P2", "ACI", "NEW", 42],
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pad = (n: number) => String(n).padStart(2, "0");
const ascii = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, "-");
const dateOnly = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));

export async function seedDemoData(prisma: PrismaClient, now = new Date()): Promise<void> {
  const userIds = {} as Record<UserKey, string>;
  await prisma.$transaction(
    async (tx) => {
      for (const org of Object.values(DEMO_ORGANIZATIONS)) {
        await tx.organization.upsert({ where: { siret: org.siret }, update: {}, create: org });
      }
      for (const [key, user] of Object.entries(DEMO_USERS) as [UserKey, (typeof DEMO_USERS)[UserKey]][]) {
        const row = await tx.user.upsert({
          where: { email: user.email },
          update: {},
          create: { email: user.email, firstName: user.firstName, lastName: user.lastName, name: `${user.firstName} ${user.lastName}` },
        });
        userIds[key] = row.id;
        const organizationId = DEMO_ORGANIZATIONS[user.org].id;
        await tx.membership.upsert({
          where: { userId_organizationId: { userId: row.id, organizationId } },
          update: {},
          create: { userId: row.id, organizationId, role: user.role },
        });
      }

      const splitName = (index: number) => {
        const [firstName = "", ...rest] = CANDIDATE_NAMES[index]!.split(" ");
        return { firstName, lastName: rest.join(" ") };
      };
      await tx.candidate.createMany({
        skipDuplicates: true,
        data: CANDIDATE_NAMES.map((_, index) => {
          const { firstName, lastName } = splitName(index);
          return {
            id: `demo-cand-${pad(index)}`,
            email: index === CANDIDATE_WITHOUT_EMAIL ? null : `${ascii(firstName)}.${ascii(lastName)}@candidat.demo.test`,
          };
        }),
      });
      // Each sending organisation's own record of the person. Both France Travail and the Mission
      // locale applied for candidate 19: the Mission locale has another phone and no birth date, and
      // each organisation sees only what it typed.
      const profiles = new Map<string, Prisma.CandidateProfileCreateManyInput>();
      for (const [candidate, sender] of DEMO_APPLICATIONS) {
        const org = DEMO_USERS[sender].org;
        const id = `demo-prof-${pad(candidate)}-${org.toLowerCase()}`;
        const record = {
          ...splitName(candidate),
          phone: `06 12 34 ${pad(candidate)} ${pad((candidate * 3) % 100)}`,
          birthDate: new Date(Date.UTC(1970 + ((candidate * 7) % 35), candidate % 12, 1 + ((candidate * 5) % 28))),
        };
        if (candidate === 19 && org === "ML") Object.assign(record, { phone: "07 98 76 54 32", birthDate: null });
        profiles.set(id, { id, candidateId: `demo-cand-${pad(candidate)}`, organizationId: DEMO_ORGANIZATIONS[org].id, ...record });
      }
      await tx.candidateProfile.createMany({ skipDuplicates: true, data: [...profiles.values()] });

      // The employers' jobs (issue 13), with their history: created by the admin, the closed one closed a week later.
      const admins = { EI: "E1", ACI: "A1" } as const;
      await tx.jobDescription.createMany({
        skipDuplicates: true,
        data: DEMO_JOBS.map(({ org, ...job }) => ({
          ...job,
          organizationId: DEMO_ORGANIZATIONS[org].id,
          department: "59",
          description: `${job.title} au sein de ${DEMO_ORGANIZATIONS[org].name}\u00a0: accompagnement socio-professionnel et formation au poste.`,
          createdAt: new Date(now.getTime() - 120 * DAY),
        })),
      });
      await tx.jobChange.createMany({
        skipDuplicates: true,
        data: DEMO_JOBS.flatMap((job) => {
          // The history of each demo job: created by its employer's admin, closed since for some.
          const change = (action: "created" | "closed", daysAgo: number) => ({
            id: `${job.id}-${action}`,
            organizationId: DEMO_ORGANIZATIONS[job.org].id,
            jobDescriptionId: job.id,
            actorId: userIds[admins[job.org]],
            action,
            createdAt: new Date(now.getTime() - daysAgo * DAY),
          });
          return job.isOpen ? [change("created", 120)] : [change("created", 120), change("closed", 7)];
        }),
      });
      // Every third application is spontaneous (its free-text job kept); the others name one or two
      // of the employer's jobs (closed ones too: they were open when sent), and an accept its job.
      const jobsOf = (employer: "EI" | "ACI") => DEMO_JOBS.filter((job) => job.org === employer).map((job) => job.id);
      const applicationJobs: Prisma.ApplicationJobCreateManyInput[] = [];

      const applications: Prisma.JobApplicationCreateManyInput[] = [];
      const events: Prisma.ApplicationEventCreateManyInput[] = [];
      for (const [index, [candidate, sender, employer, status, daysAgo, reason, extra]] of DEMO_APPLICATIONS.entries()) {
        const id = `demo-app-${pad(index)}`;
        const createdAt = new Date(now.getTime() - daysAgo * DAY - index * HOUR);
        const at = (hours: number) => new Date(createdAt.getTime() + hours * HOUR);
        const handlerKey = status === "NEW" ? undefined : employerMembers[employer][index % employerMembers[employer].length];
        const handlerId = handlerKey ? userIds[handlerKey] : null;
        const hiringStart = dateOnly(new Date(createdAt.getTime() + 14 * DAY));
        const decided = ["ACCEPTED", "REFUSED", "POSTPONED", "CANCELLED"].includes(status);
        const answer =
          status === "REFUSED"
            ? "Bonjour, nous avons étudié votre candidature et ne pouvons pas y donner une suite favorable pour le moment. Bonne continuation."
            : status === "POSTPONED"
              ? "Bonjour, nous n'avons pas de poste disponible tout de suite\u00a0; nous reviendrons vers vous dès qu'un poste se libère."
              : status === "ACCEPTED" || status === "CANCELLED"
                ? "Bienvenue dans l'équipe\u00a0! Rendez-vous le premier jour à 9 h à l'accueil."
                : null;
        const spontaneous = index % 3 === 0;
        const employerJobs = jobsOf(employer);
        const picked = spontaneous ? [] : index % 4 === 1 ? employerJobs.slice(0, 2) : [employerJobs[index % employerJobs.length]!];
        for (const jobDescriptionId of picked) applicationJobs.push({ applicationId: id, jobDescriptionId });
        applications.push({
          id,
          spontaneous,
          hiredJobId: (status === "ACCEPTED" || status === "CANCELLED") && picked.length ? picked[0] : null,
          candidateId: `demo-cand-${pad(candidate)}`,
          senderUserId: userIds[sender],
          senderOrganizationId: DEMO_ORGANIZATIONS[DEMO_USERS[sender].org].id,
          employerOrganizationId: DEMO_ORGANIZATIONS[employer].id,
          jobTitle: spontaneous ? (employer === "EI" ? "Agent de tri et de valorisation" : "Ouvrier maraîcher") : null,
          message: `Bonjour, je vous propose la candidature de ${CANDIDATE_NAMES[candidate]}, motivé(e) et disponible rapidement. Nous nous connaissons depuis plusieurs mois.`,
          status,
          handlerId,
          refusalReason: reason ?? null,
          answerToCandidate: answer,
          answerToPrescriber:
            status === "REFUSED" ? "Le poste a été pourvu en interne\u00a0; n'hésitez pas à nous proposer d'autres profils." : null,
          hiringStartDate: status === "ACCEPTED" || status === "CANCELLED" ? hiringStart : null,
          createdAt,
          updatedAt: at(30),
          processedAt: handlerId ? at(20) : null,
          archivedAt: extra?.archived ? new Date(now.getTime() - extra.archived.daysAgo * DAY) : null,
          archivedById: extra?.archived && extra.archived.by !== "system" ? userIds[extra.archived.by] : null,
          autoRefusalWarnedAt:
            extra?.autoRefusalWarnedDaysAgo === undefined ? null : new Date(now.getTime() - extra.autoRefusalWarnedDaysAgo * DAY),
        });

        const event = (
          n: number,
          transition: string,
          fromStatus: ApplicationStatus | null,
          toStatus: ApplicationStatus,
          actorId: string | null,
          extra = {},
        ) =>
          events.push({
            id: `${id}-ev${n}`,
            applicationId: id,
            transition,
            fromStatus,
            toStatus,
            actorId,
            createdAt: at(n * 10),
            ...extra,
          });
        event(0, "send", null, "NEW", userIds[sender], { message: null });
        if (status === "OBSOLETE") {
          event(1, "render_obsolete", "NEW", "OBSOLETE", null);
          continue;
        }
        if (status === "NEW") continue;
        event(1, "process", "NEW", "PROCESSING", handlerId);
        if (!decided) continue;
        if (status === "POSTPONED") event(2, "postpone", "PROCESSING", "POSTPONED", handlerId, { message: answer });
        if (status === "REFUSED") {
          event(2, "refuse", "PROCESSING", "REFUSED", handlerId, {
            refusalReason: reason,
            message: answer,
            privateMessage: applications.at(-1)?.answerToPrescriber,
          });
        }
        if (status === "ACCEPTED" || status === "CANCELLED")
          event(2, "accept", "PROCESSING", "ACCEPTED", handlerId, { message: answer, hiringStartDate: hiringStart });
        if (status === "CANCELLED")
          event(3, "cancel", "ACCEPTED", "CANCELLED", handlerId, { message: "Le candidat ne s'est pas présenté le premier jour." });
      }
      // The clock of the daily jobs: each application's last status change, as its history tells it.
      for (const application of applications) {
        const moves = events.filter((e) => e.applicationId === application.id && e.fromStatus !== e.toStatus);
        application.statusChangedAt = new Date(Math.max(...moves.map((e) => new Date(e.createdAt!).getTime())));
        // The team's first accept or refuse, as the transitions keep it for "Statistiques".
        const decisions = events.filter((e) => e.applicationId === application.id && isTeamDecision(e.transition) && e.actorId);
        application.decidedAt = decisions.length ? new Date(Math.min(...decisions.map((e) => new Date(e.createdAt!).getTime()))) : null;
      }
      await tx.jobApplication.createMany({ data: applications, skipDuplicates: true });
      await tx.applicationEvent.createMany({ data: events, skipDuplicates: true });
      await tx.applicationJob.createMany({ data: applicationJobs, skipDuplicates: true });
      await tx.applicationNote.createMany({
        data: DEMO_NOTES.map(([index, author, hours, body], n) => ({
          id: `demo-note-${pad(n)}`,
          applicationId: `demo-app-${pad(index)}`,
          authorId: userIds[author],
          body,
          createdAt: new Date(new Date(applications[index]!.createdAt!).getTime() + hours * HOUR),
        })),
        skipDuplicates: true,
      });
    },
    { timeout: 60_000 },
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { createPrismaClient } = await import("./client");
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set (npm run dev seeds the embedded database by itself).");
    process.exit(1);
  }
  const prisma = createPrismaClient(url);
  await seedDemoData(prisma);
  await prisma.$disconnect();
  console.log("Demo data is in place.");
}
