/**
 * The layout spec's own data, built through e2e/builders.ts: organisations and people with long
 * names, a candidate with several applications and long messages, and more applications than a
 * list page holds (20). Each worker builds its own world in the spec's beforeAll (names end with a
 * random suffix), so that two workers never sign the same person in at once, and the demo data
 * and the other specs' data are never touched.
 */
import type { ApplicationStatus } from "../lib/generated/prisma/enums";
import {
  buildApplication,
  buildCandidate,
  buildJob,
  buildMember,
  buildOrganization,
  e2eDatabase,
  type BuiltOrganization,
} from "./builders";

const DAY = 86_400_000;

const LONG_JOB = "Agent polyvalent de tri, de valorisation et de réemploi des matériaux et des équipements";
const LONG_ANSWER = [
  "Bonjour Madame, nous vous remercions pour l'intérêt que vous portez à notre structure et pour le temps consacré à votre candidature.",
  "Après étude attentive de votre parcours, nous ne pouvons malheureusement pas y donner une suite favorable\u00a0: l'ensemble des postes d'agent de préparation de commandes ont été pourvus pour la saison.",
  "Vous trouverez d'autres offres sur https://www.francetravail.fr/candidat/mes-demarches/rechercher-des-offres-d-emploi-inclusives-dans-les-hauts-de-france.html et votre conseillère reste à votre disposition.",
].join("\n\n");
const SHORT_ANSWER = "Bonjour, merci pour votre candidature\u00a0; nous revenons vers vous très vite.";
const PRIVATE_ANSWER = "Le poste a été pourvu en interne\u00a0; n'hésitez pas à nous proposer d'autres profils pour la rentrée.";

export interface LayoutData {
  prescriber: { email: string; organization: BuiltOrganization };
  employer: { email: string; organization: BuiltOrganization; colleague: string };
  /** The GEIQ, which the send form's screens pick. */
  geiq: BuiltOrganization;
  /** The candidate of the status page: several applications, long names and long messages. */
  candidate: {
    id: string;
    lastName: string;
    email: string;
    /** NEW at the main employer: the candidate spec decides on it, which e-mails the status link. */
    pendingApplicationId: string;
    /** Refused by the ETTI, with a long answer and a private message. */
    refusedApplicationId: string;
  };
  /** Of the many applications the main employer received: one to decide on, one hire to cancel, one archived (refused). */
  applications: { toDecide: string; hired: string; archived: string };
  /** Issue 13: the main employer's "fiches de poste" (long titles, one closed): one to edit. */
  jobs: { toEdit: string };
}

/** Writes one layout world; needs the e2e database's DATABASE_URL. */
export async function createLayoutData(now = new Date()): Promise<LayoutData> {
  const prescriberOrganization = await buildOrganization("DEPT", {
    name: "Service départemental d'insertion et d'accompagnement vers l'emploi de la Seine-Saint-Denis, antenne de Saint-Ouen-sur-Seine",
    city: "Saint-Ouen-sur-Seine",
    postalCode: "93400",
    department: "93",
  });
  const employers = {
    main: await buildOrganization("AI", {
      name: "Association intermédiaire pour l'insertion professionnelle et la solidarité territoriale de la Métropole européenne de Lille",
      city: "Villeneuve-d'Ascq",
      postalCode: "59650",
      department: "59",
      contactEmail: "recrutement.insertion-solidarite@association-intermediaire-metropole-lille.demo.test",
      contactPhone: "03 20 00 00 01",
    }),
    interim: await buildOrganization("ETTI", {
      name: "Entreprise de travail temporaire d'insertion Hauts-de-France Intérim Solidaire et Développement Durable",
      city: "Saint-Pol-sur-Ternoise",
      postalCode: "62130",
      department: "62",
    }),
    geiq: await buildOrganization("GEIQ", {
      name: "Groupement d'employeurs pour l'insertion et la qualification des métiers du bâtiment et des travaux publics",
      city: "Saint-André-lez-Lille",
      postalCode: "59350",
      department: "59",
    }),
  };
  const sender = await buildMember(prescriberOrganization, {
    firstName: "Marie-Bernadette",
    lastName: "de La Tour d'Auvergne-Lauraguais",
    role: "ADMIN",
  });
  const employerUser = await buildMember(employers.main, {
    firstName: "Jean-Christophe",
    lastName: "Vandenbroucke-Oyelaran",
    role: "ADMIN",
  });
  // A colleague, for the admin's buttons of « Membres de l'organisation ».
  const colleague = await buildMember(employers.main, { firstName: "Anne-Sophie", lastName: "Delacroix-Beaumarchais de Montmorency" });

  const main = await buildCandidate({ firstName: "Marie-Antoinette", lastName: "Oyelaran-Vandenbroucke de Saint-Exupéry" });
  const startDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 14));
  const application = (
    candidate: Awaited<ReturnType<typeof buildCandidate>>,
    employer: keyof typeof employers,
    status: ApplicationStatus,
    daysAgo: number,
    answer?: string,
  ) => {
    const decided = status !== "NEW" && status !== "PROCESSING";
    return buildApplication({
      candidate,
      sender,
      employer: employers[employer],
      status,
      handler: employerUser,
      daysAgo,
      jobTitle: LONG_JOB,
      message: `Bonjour, je vous propose cette candidature. ${LONG_ANSWER}`,
      refusalReason: status === "REFUSED" ? "NO_POSITION" : undefined,
      answerToCandidate: answer ?? (decided ? SHORT_ANSWER : undefined),
      answerToPrescriber: status === "REFUSED" ? PRIVATE_ANSWER : undefined,
      hiringStartDate: status === "ACCEPTED" ? startDate : undefined,
      hiringEndDate: status === "ACCEPTED" ? new Date(startDate.getTime() + 180 * DAY) : undefined,
    });
  };
  const pending = await application(main, "main", "NEW", 1);
  const refused = await application(main, "interim", "REFUSED", 12, LONG_ANSWER);
  await application(
    main,
    "geiq",
    "ACCEPTED",
    30,
    "Bienvenue dans le groupement\u00a0! Rendez-vous le premier jour à 8 h 30 au 14 rue du Général-de-Gaulle, bâtiment C, 2e étage, avec vos équipements de protection individuelle.",
  );

  // More than a page (20) received by the main employer and sent by the prescriber organisation.
  const statuses: ApplicationStatus[] = ["NEW", "ACCEPTED", "PROCESSING", "POSTPONED", "REFUSED", "NEW"];
  const others: string[] = [];
  for (let index = 0; index < 24; index++) {
    const n = String(index + 1).padStart(2, "0");
    const candidate = await buildCandidate({
      firstName: "Jean-Baptiste-Emmanuel",
      lastName: `Fitzgerald-Oyelaran de Montmorency ${n}`,
      email: null,
    });
    others.push((await application(candidate, "main", statuses[index % statuses.length]!, 2 + index)).id);
  }

  // Issue 10: the archived state of the application page and the « Archivées » view (a refused one).
  const archived = others[4]!;
  await e2eDatabase().jobApplication.update({
    where: { id: archived },
    data: { archivedAt: new Date(now.getTime() - 5 * DAY), archivedById: employerUser.id },
  });
  // Issue 13: long job titles, one closed, and their history (an edit with every field).
  const jobs = [
    await buildJob(employers.main, {
      title: "Agent polyvalent de tri, de valorisation et de réemploi des déchets d'équipements électriques",
    }),
    await buildJob(employers.main, { title: "Chauffeur-livreur poids lourd et manutentionnaire en entrepôt logistique solidaire" }),
    await buildJob(employers.main, { title: "Vendeur-caissier en boutique solidaire de la Métropole européenne de Lille", isOpen: false }),
  ];
  await e2eDatabase().jobChange.createMany({
    data: [
      ...jobs.map((job) => ({ organizationId: employers.main.id, jobDescriptionId: job.id, actorId: employerUser.id, action: "created" })),
      {
        organizationId: employers.main.id,
        jobDescriptionId: jobs[0]!.id,
        actorId: employerUser.id,
        action: "updated",
        changes: [
          { field: "title", from: "Agent de tri", to: jobs[0]!.title },
          { field: "description", from: "", to: LONG_ANSWER },
        ],
      },
      { organizationId: employers.main.id, jobDescriptionId: jobs[2]!.id, actorId: employerUser.id, action: "closed" },
    ],
  });

  // The application to decide (NEW) was warned of its automatic refusal today: its page's notice
  // and its row's « Refus automatique le … » go through the layout rules too.
  await e2eDatabase().jobApplication.update({
    where: { id: others[0]! },
    data: { statusChangedAt: new Date(now.getTime() - 50 * DAY), autoRefusalWarnedAt: now },
  });

  // "Commentaires internes": a long one, with a long unbroken word, on the application to decide.
  await e2eDatabase().applicationNote.create({
    data: {
      applicationId: others[0]!,
      authorId: employerUser.id,
      body: `${LONG_ANSWER}\n\nDossier\u00a0: https://intranet.association-intermediaire-metropole-lille.demo.test/recrutement/candidatures/2026/fitzgerald-oyelaran-de-montmorency-01/compte-rendu-entretien-telephonique.pdf`,
      createdAt: new Date(now.getTime() - DAY),
    },
  });

  // An e-mail about it that Resend refused: « E-mails non remis », with a long address.
  await e2eDatabase().outboxEmail.create({
    data: {
      to: `fitzgerald.oyelaran-de-montmorency.${Date.now()}@fournisseur-de-messagerie-tres-long.demo.test`,
      template: "application_received",
      subject: "Nouvelle candidature\u00a0: Fitzgerald Oyelaran de Montmorency",
      text: "",
      html: "",
      status: "FAILED",
      attempts: 1,
      idempotencyKey: `layout-failed-${Date.now()}-${Math.random()}`,
      error: "422 validation_error: The `to` field must be a valid email address.",
      applicationId: others[0]!,
      userId: employerUser.id,
    },
  });

  return {
    prescriber: { email: sender.email, organization: prescriberOrganization },
    employer: { email: employerUser.email, organization: employers.main, colleague: colleague.name },
    geiq: employers.geiq,
    candidate: {
      id: main.id,
      lastName: main.lastName,
      email: main.email!,
      pendingApplicationId: pending.id,
      refusedApplicationId: refused.id,
    },
    applications: { toDecide: others[0]!, hired: others[1]!, archived },
    jobs: { toEdit: jobs[0]!.id },
  };
}

/**
 * Puts the outbox's shared pause on or off (the banner of "E-mails non remis"). The e2e server has
 * no Resend key, so no other spec's e-mails depend on it; the layout spec lifts it right after.
 */
export async function setSendingPaused(paused: boolean, now = new Date()): Promise<void> {
  const state = paused ? { pausedAt: now, pauseReason: "401 invalid_api_key: API key is invalid" } : { pausedAt: null, pauseReason: null };
  await e2eDatabase().mailDeliveryState.upsert({ where: { id: 1 }, update: state, create: { id: 1, nextSendAt: now, ...state } });
}
