/**
 * The authorization matrix (DESIGN §6): every route under app/ and every exported server action,
 * with the designed outcome for each of seven personas. Check it against DESIGN §6 line by line.
 *
 * - Routes run over HTTP against the production build: e2e/authorization-matrix.spec.ts.
 * - Server actions run against the real database: test/authorization-matrix.test.ts.
 * - Both fail, naming it, when the file tree has a route or an action without a row here, or when a
 *   row names one that no longer exists (e2e/authorization-discovery.ts reads the tree).
 * - Every response and every action result is also searched for candidate names the persona must
 *   not know (GUARDED_NAMES).
 *
 * Adding a row: copy the nearest one, then state what each persona gets. Dynamic segments are
 * written as fixture names in braces ("/applications/{sharedApplication}"), see RouteFixtures.
 */
import type { ApplicationStatus } from "../lib/generated/prisma/enums";

export const PERSONAS = ["anonymous", "prescriberA", "colleagueA", "prescriberB", "employer", "otherEmployer", "formerMember"] as const;
export type Persona = (typeof PERSONAS)[number];

/**
 * Who they are. A and B are prescriber organisations; "employer" received the shared application
 * (sent by A); "otherEmployer" received only B's. The former member's only membership (in A) is
 * inactive: they still have a session, like someone who left. In the e2e run each worker builds
 * them afresh (e2e/authorization-fixtures.ts) after the demo's (README): A a France Travail agency,
 * B a Mission locale, an EI and an ACI; roles are the demo's: A's two prescribers are members, the
 * others admins.
 */
export const PERSONA_DESCRIPTIONS: Record<Persona, string> = {
  anonymous: "no session",
  prescriberA: "prescriber of organisation A, who sent the shared application (member)",
  colleagueA: "colleague in A (member)",
  prescriberB: "prescriber of organisation B (admin)",
  employer: "member of the employer that received the shared application (admin)",
  otherEmployer: "member of another employer (admin)",
  formerMember: "former member of A: signed in, membership inactive",
};

/**
 * The two candidates the fixtures plant, each with a distinctive name, and who may read it.
 * Every other persona's responses (pages, files, action results) must not contain it.
 */
export const GUARDED_NAMES = {
  /** Sent by A to the receiving employer. */
  sharedCandidate: ["prescriberA", "colleagueA", "employer"],
  /** Known only to B, who sent them to the other employer. */
  candidateOfB: ["prescriberB", "otherEmployer"],
} as const satisfies Record<string, readonly Persona[]>;
export type GuardedCandidate = keyof typeof GUARDED_NAMES;

// ——— Routes ———

/** "redirect:<path>" is a redirect to exactly that path (and query). */
export type RouteOutcome = "page" | "signIn" | "notFound" | `redirect:${string}`;

/** The ids that fill dynamic segments; each test run plants them (see the spec). */
export interface RouteFixtures {
  /** An application sent by A (prescriberA) to the receiving employer, for sharedCandidate. */
  sharedApplication: string;
  /** B's application to the other employer, for candidateOfB. */
  applicationOfB: string;
  sharedCandidate: string;
  candidateOfB: string;
  /** A valid candidate status link (/c/…) of the shared candidate. */
  sharedCandidateToken: string;
  /** A "fiche de poste" of the receiving employer. */
  employerJob: string;
}

export interface RouteCase {
  /** The URL to request, with {fixture} placeholders. */
  path: string;
  /** On "page": text the body must contain, to tell the real page from an error page answered 200. */
  shows?: string;
  /**
   * Personas who legitimately read a guarded name in this response although GUARDED_NAMES does not
   * list them (the candidate status link: holding it is the authorization).
   */
  tokenHolderSees?: GuardedCandidate;
  /**
   * Candidates this page lists: a persona who may know one and gets the page must see the name,
   * so that the check that the others don't is not passed by an empty page.
   */
  lists?: GuardedCandidate[];
  expect: Record<Persona, RouteOutcome>;
}

const PAGE = "page";
const SIGN_IN = "signIn";
const NOT_FOUND = "notFound";
/** requireMember() for a signed-in user without any active membership (lib/auth/guards.ts). */
const NO_ORGANISATION = "redirect:/organisation?aucune=1";
const TO_DASHBOARD = "redirect:/dashboard";

const everyone = (outcome: RouteOutcome) =>
  Object.fromEntries(PERSONAS.map((persona) => [persona, outcome])) as Record<Persona, RouteOutcome>;

const publicPage = {
  anonymous: PAGE,
  prescriberA: PAGE,
  colleagueA: PAGE,
  prescriberB: PAGE,
  employer: PAGE,
  otherEmployer: PAGE,
  formerMember: PAGE,
} as const;
/** The sign-in entry points: signed-in users go to their dashboard. */
const signInPage = {
  ...publicPage,
  prescriberA: TO_DASHBOARD,
  colleagueA: TO_DASHBOARD,
  prescriberB: TO_DASHBOARD,
  employer: TO_DASHBOARD,
  otherEmployer: TO_DASHBOARD,
  formerMember: TO_DASHBOARD,
} as const;
/** requireMember(): any current organisation. */
const memberPage = {
  anonymous: SIGN_IN,
  prescriberA: PAGE,
  colleagueA: PAGE,
  prescriberB: PAGE,
  employer: PAGE,
  otherEmployer: PAGE,
  formerMember: NO_ORGANISATION,
} as const;
/** requireMember("PRESCRIBER"): the employer side gets a 404. */
const prescriberPage = { ...memberPage, employer: NOT_FOUND, otherEmployer: NOT_FOUND } as const;
/** requireMember("EMPLOYER"): the prescriber side gets a 404. */
const employerPage = { ...memberPage, prescriberA: NOT_FOUND, colleagueA: NOT_FOUND, prescriberB: NOT_FOUND } as const;
/** requireUser(): signed in, with or without an organisation. */
const userPage = { ...publicPage, anonymous: SIGN_IN } as const;

export const ROUTES: Record<string, RouteCase[]> = {
  "/": [{ path: "/", shows: "Recevoir un lien de connexion", expect: signInPage }],
  "/connexion": [{ path: "/connexion", shows: "Recevoir un lien de connexion", expect: signInPage }],
  "/connexion/erreur": [{ path: "/connexion/erreur", shows: "Connexion impossible", expect: publicPage }],
  "/connexion/verification": [{ path: "/connexion/verification", shows: "Consultez votre messagerie", expect: publicPage }],
  // The magic link's landing page: it only shows the "Se connecter" button, which alone uses the token.
  "/connexion/confirmer": [
    { path: "/connexion/confirmer?token=matrixtoken0123456789&email=personne%40demo.test", shows: "Se connecter", expect: publicPage },
    { path: "/connexion/confirmer", shows: "Ce lien de connexion est incomplet", expect: publicPage },
  ],
  "/help": [{ path: "/help", shows: "Aide\u00a0: suivi des candidatures", expect: publicPage }],
  // The footer's legal pages: for everyone, signed in or not, and the same for all.
  "/mentions-legales": [{ path: "/mentions-legales", shows: "Mentions légales", expect: publicPage }],
  "/donnees-personnelles": [{ path: "/donnees-personnelles", shows: "Données personnelles", expect: publicPage }],
  "/accessibilite": [{ path: "/accessibilite", shows: "Déclaration d'accessibilité", expect: publicPage }],
  // next-auth's endpoints: public by nature; the session endpoint tells each persona only about themselves.
  "/api/auth/[...nextauth]": [
    { path: "/api/auth/session", expect: publicPage },
    { path: "/api/auth/csrf", shows: "csrfToken", expect: publicPage },
    // A GET of the magic-link callback never uses the token: it lands on the confirmation page.
    {
      path: "/api/auth/callback/resend?token=matrixtoken0123456789&email=personne%40demo.test",
      expect: everyone("redirect:/connexion/confirmer?token=matrixtoken0123456789&email=personne%40demo.test"),
    },
  ],
  // Monitoring: counts and ages of the outbox, the same for everyone, no personal data.
  "/api/health": [{ path: "/api/health", shows: "lagSeconds", expect: publicPage }],
  // The e2e build keeps the mailbox for loopback requests only (DEV_MAILBOX=1); 404 in production (DESIGN §7).
  "/dev/mails": [{ path: "/dev/mails", shows: "E-mails de développement", expect: publicPage }],
  "/dev/mails.json": [{ path: "/dev/mails.json", expect: publicPage }],
  // The bench's floor page (issue 12): only with BENCH_PAGES=1, which the e2e build never sets.
  "/bench/floor": [{ path: "/bench/floor", expect: everyone(NOT_FOUND) }],

  // The candidate's status page: whoever holds the link sees that candidate, nobody else's.
  "/c/[token]": [
    {
      path: "/c/{sharedCandidateToken}",
      shows: "Suivi de mes candidatures",
      tokenHolderSees: "sharedCandidate",
      lists: ["sharedCandidate"],
      expect: publicPage,
    },
    { path: "/c/not-a-valid-token", shows: "Ce lien de suivi n'est plus valable", expect: publicPage },
  ],

  "/dashboard": [{ path: "/dashboard", shows: "Tableau de bord", expect: memberPage }],
  // Figures of the current organisation only (names of its own members, never candidates).
  "/stats": [
    { path: "/stats", shows: "Statistiques", expect: memberPage },
    { path: "/stats?periode=not-a-period", shows: "Statistiques", expect: memberPage },
  ],
  // requireUser() only: the former member is told they belong to no organisation.
  "/organisation": [{ path: "/organisation", shows: "organisation", expect: userPage }],
  // Every member sees who belongs to their organisation (only admins get the forms, on the same page).
  "/organisation/membres": [{ path: "/organisation/membres", shows: "Membres de l'organisation", expect: memberPage }],
  "/settings/notifications": [{ path: "/settings/notifications", shows: "Mes notifications", expect: userPage }],
  // Admins only: members of A get a 404 like everyone outside the organisation.
  "/settings/emails": [
    { path: "/settings/emails", shows: "E-mails non remis", expect: { ...memberPage, prescriberA: NOT_FOUND, colleagueA: NOT_FOUND } },
  ],

  // Shared by the two organisations of the application; anyone else gets a 404 (DESIGN §6).
  "/applications/[id]": [
    {
      path: "/applications/{sharedApplication}",
      shows: "Historique",
      lists: ["sharedCandidate"],
      expect: { ...memberPage, prescriberB: NOT_FOUND, otherEmployer: NOT_FOUND },
    },
    {
      path: "/applications/{applicationOfB}",
      shows: "Historique",
      lists: ["candidateOfB"],
      expect: { ...memberPage, prescriberA: NOT_FOUND, colleagueA: NOT_FOUND, employer: NOT_FOUND },
    },
    {
      path: "/applications/unknown-id",
      expect: {
        ...memberPage,
        prescriberA: NOT_FOUND,
        colleagueA: NOT_FOUND,
        prescriberB: NOT_FOUND,
        employer: NOT_FOUND,
        otherEmployer: NOT_FOUND,
      },
    },
  ],

  "/employer/applications": [
    { path: "/employer/applications", shows: "Candidatures reçues", lists: ["sharedCandidate", "candidateOfB"], expect: employerPage },
  ],
  // A route handler, outside the (pro) layout: signed out, to the sign-in page like every page (a
  // session that expired with the list open); without an employer organisation, no such file.
  "/employer/applications/export": [
    {
      path: "/employer/applications/export",
      shows: "Candidat;E-mail du candidat;Téléphone du candidat;Organisation prescriptrice",
      lists: ["sharedCandidate", "candidateOfB"],
      expect: { ...employerPage, formerMember: NOT_FOUND },
    },
    {
      path: "/employer/applications/export?format=xlsx",
      expect: { ...employerPage, formerMember: NOT_FOUND },
    },
  ],

  // Issue 13: an employer's jobs are its own; another employer's job id is not found.
  "/employer/jobs": [{ path: "/employer/jobs", shows: "Fiches de poste", expect: employerPage }],
  "/employer/jobs/new": [{ path: "/employer/jobs/new", shows: "Créer une fiche de poste", expect: employerPage }],
  "/employer/jobs/[id]": [
    { path: "/employer/jobs/{employerJob}", shows: "Modifier la fiche de poste", expect: { ...employerPage, otherEmployer: NOT_FOUND } },
  ],

  "/prescriber/applications": [
    {
      path: "/prescriber/applications",
      shows: "Suivi des candidatures",
      lists: ["sharedCandidate", "candidateOfB"],
      expect: prescriberPage,
    },
  ],
  "/prescriber/applications/new": [
    { path: "/prescriber/applications/new", shows: "Envoyer une candidature", expect: prescriberPage },
    // "Envoyer à un autre employeur" from an application of A: B gets the empty form (the name check proves it).
    {
      path: "/prescriber/applications/new?resend={sharedApplication}",
      shows: "Envoyer une candidature",
      expect: prescriberPage,
    },
    // Preselecting another organisation's candidate is ignored, like an unknown id (the name check proves it).
    { path: "/prescriber/applications/new?candidate={candidateOfB}", shows: "Envoyer une candidature", expect: prescriberPage },
  ],
  "/prescriber/applications/[id]/confirmation": [
    {
      path: "/prescriber/applications/{sharedApplication}/confirmation",
      shows: "Candidature envoyée",
      lists: ["sharedCandidate"],
      expect: { ...prescriberPage, prescriberB: NOT_FOUND },
    },
  ],
  // A route handler, outside the (pro) layout: signed out, to the sign-in page like every page;
  // without a prescriber organisation, no such file.
  "/prescriber/applications/export": [
    {
      path: "/prescriber/applications/export",
      shows: "Candidat;E-mail du candidat;Téléphone du candidat;Employeur",
      lists: ["sharedCandidate", "candidateOfB"],
      expect: { ...prescriberPage, formerMember: NOT_FOUND },
    },
    // The XLSX is zipped (names unreadable here): who gets it is what this row checks.
    {
      path: "/prescriber/applications/export?format=xlsx",
      expect: { ...prescriberPage, formerMember: NOT_FOUND },
    },
  ],
  "/prescriber/candidates/[id]": [
    {
      path: "/prescriber/candidates/{sharedCandidate}",
      shows: "Candidatures envoyées par votre organisation",
      lists: ["sharedCandidate"],
      expect: { ...prescriberPage, prescriberB: NOT_FOUND },
    },
    {
      path: "/prescriber/candidates/{candidateOfB}",
      shows: "Candidatures envoyées par votre organisation",
      lists: ["candidateOfB"],
      expect: { ...prescriberPage, prescriberA: NOT_FOUND, colleagueA: NOT_FOUND },
    },
  ],
};

// ——— Server actions ———

/**
 * - ok: the designed answer (a result without error, or the redirect the action makes on success);
 * - refused: a French error message in the result, nothing written;
 * - signIn / notFound / noOrganisation: the guard's redirect to /connexion, 404, or /organisation?aucune=1;
 * - "redirect:<path>": that redirect, and nothing written.
 */
export type ActionOutcome = "ok" | "refused" | "signIn" | "notFound" | "noOrganisation" | `redirect:${string}`;

/** The data an action case builds its arguments from; the test plants it in its own database. */
export interface ActionScene {
  organisationA: string;
  sharedCandidate: string;
  candidateOfB: string;
  /** A distinctive word of candidateOfB's name, for searches. */
  candidateOfBLastName: string;
  /** A fresh application from A to the receiving employer in this status (one per call: actions change it). */
  sharedApplication(status: ApplicationStatus): Promise<string>;
  /** The same, archived by the receiving employer (for "Désarchiver"). */
  archivedSharedApplication(status: ApplicationStatus): Promise<string>;
  /** A fresh employer nobody applied to yet (so that sending twice is not refused as a duplicate). */
  freshEmployer(): Promise<string>;
  /** A fresh FAILED e-mail to the receiving employer's team about a shared application. */
  failedEmployerEmail(): Promise<string>;
  /** A fresh "commentaire interne" written by the "employer" persona on a shared application. */
  employerNote(): Promise<string>;
  /** A fresh "fiche de poste" of the receiving employer, open or closed. */
  employerJob(isOpen: boolean): Promise<string>;
  /** The membership of a fresh member (not an admin) of prescriber organisation A or B. */
  freshMembership(organisation: "A" | "B"): Promise<string>;
}

export interface ActionCase {
  /** What the case exercises, when an action has several. */
  label?: string;
  args: (scene: ActionScene) => Promise<unknown[]> | unknown[];
  /**
   * Whether "ok" writes to the database or the cookies (then it must; every other outcome must write nothing).
   * A list: only these personas' "ok" writes (the others have nothing to change).
   */
  writes: boolean | readonly Persona[];
  /** For an outcome "ok" that is a redirect (e.g. after choosing an organisation). */
  okRedirect?: string;
  expect: Record<Persona, ActionOutcome>;
}

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(name, v);
  return data;
};

/** requireMember("EMPLOYER") then the receiving employer's scope: only "employer" may decide. */
const employerDecision = {
  anonymous: "signIn",
  prescriberA: "notFound",
  colleagueA: "notFound",
  prescriberB: "notFound",
  employer: "ok",
  otherEmployer: "notFound",
  formerMember: "noOrganisation",
} as const;
/** requireMember(), then "Cette action est réservée aux organisations prescriptrices." for employers. */
const prescriberAction = {
  anonymous: "signIn",
  prescriberA: "ok",
  colleagueA: "ok",
  prescriberB: "ok",
  employer: "refused",
  otherEmployer: "refused",
  formerMember: "noOrganisation",
} as const;
/** A list filter's search: requireMember(), then "Ce filtre n'est pas proposé à votre organisation." for the other side. */
const employerFilterAction = {
  anonymous: "signIn",
  prescriberA: "refused",
  colleagueA: "refused",
  prescriberB: "refused",
  employer: "ok",
  otherEmployer: "ok",
  formerMember: "noOrganisation",
} as const;
/** The same for a prescriber's list filter: the outcomes of prescriberAction, with the filter's message. */
const prescriberFilterAction = prescriberAction;
const publicAction = {
  anonymous: "ok",
  prescriberA: "ok",
  colleagueA: "ok",
  prescriberB: "ok",
  employer: "ok",
  otherEmployer: "ok",
  formerMember: "ok",
} as const;

/** An admin's action on their own organisation (its contact details, its members): A's two members are not admins. */
const adminAction = {
  anonymous: "signIn",
  prescriberA: "refused",
  colleagueA: "refused",
  prescriberB: "ok",
  employer: "ok",
  otherEmployer: "ok",
  formerMember: "noOrganisation",
} as const;
/** The same on a membership of B: only B's admin finds it. */
const adminOfB = { ...adminAction, employer: "notFound", otherEmployer: "notFound" } as const;

const today = () => new Date().toISOString().slice(0, 10);

export const ACTIONS: Record<string, ActionCase[]> = {
  "lib/applications/decision-actions.ts#processAction": [
    { args: async (s) => [{ applicationId: await s.sharedApplication("NEW"), status: "NEW" }], writes: true, expect: employerDecision },
  ],
  "lib/applications/decision-actions.ts#takeOverAction": [
    {
      args: async (s) => [{ applicationId: await s.sharedApplication("PROCESSING"), status: "PROCESSING" }],
      writes: true,
      expect: employerDecision,
    },
  ],
  "lib/applications/decision-actions.ts#postponeAction": [
    {
      args: async (s) => [
        { applicationId: await s.sharedApplication("NEW"), status: "NEW", answerToCandidate: "Nous reviendrons vers vous." },
      ],
      writes: true,
      expect: employerDecision,
    },
  ],
  "lib/applications/decision-actions.ts#acceptAction": [
    {
      args: async (s) => [{ applicationId: await s.sharedApplication("NEW"), status: "NEW", hiringStartDate: today() }],
      writes: true,
      expect: employerDecision,
    },
  ],
  "lib/applications/decision-actions.ts#refuseAction": [
    {
      args: async (s) => [
        {
          applicationId: await s.sharedApplication("NEW"),
          status: "NEW",
          refusalReason: "NO_POSITION",
          answerToCandidate: "Pas de poste pour le moment.",
        },
      ],
      writes: true,
      expect: employerDecision,
    },
  ],
  "lib/applications/decision-actions.ts#cancelAction": [
    {
      args: async (s) => [{ applicationId: await s.sharedApplication("ACCEPTED"), status: "ACCEPTED" }],
      writes: true,
      expect: employerDecision,
    },
  ],
  // Issue 10: archiving is the receiving employer's, like its decisions (lib/access.ts archivableApplicationsWhere).
  "lib/applications/decision-actions.ts#archiveAction": [
    {
      args: async (s) => [{ applicationId: await s.sharedApplication("REFUSED"), status: "REFUSED" }],
      writes: true,
      expect: employerDecision,
    },
  ],
  "lib/applications/decision-actions.ts#unarchiveAction": [
    {
      args: async (s) => [{ applicationId: await s.archivedSharedApplication("REFUSED"), status: "REFUSED" }],
      writes: true,
      expect: employerDecision,
    },
  ],

  "lib/applications/batch-actions.ts#batchDecisionAction": [
    {
      args: async (s) => [
        {
          action: "refuse",
          items: [
            { applicationId: await s.sharedApplication("NEW"), status: "NEW" },
            { applicationId: await s.sharedApplication("PROCESSING"), status: "PROCESSING" },
          ],
          refusalReason: "NO_POSITION",
          answerToCandidate: "Pas de poste pour le moment.",
        },
      ],
      writes: true,
      expect: employerDecision,
    },
  ],
  "lib/applications/note-actions.ts#addNoteAction": [
    {
      args: async (s) => [{ applicationId: await s.sharedApplication("NEW"), body: "Entretien prévu jeudi." }],
      writes: true,
      expect: employerDecision,
    },
  ],
  "lib/applications/note-actions.ts#deleteNoteAction": [
    {
      label: "the employer's own note: another employer is refused (only the author deletes)",
      args: async (s) => [{ noteId: await s.employerNote() }],
      writes: true,
      expect: { ...employerDecision, otherEmployer: "refused" },
    },
  ],

  "lib/applications/send-actions.ts#sendApplicationAction": [
    {
      label: "for A's candidate: B cannot send for a candidate it never applied for",
      args: async (s) => [
        {
          candidateMode: "existing",
          candidateId: s.sharedCandidate,
          employerOrganizationId: await s.freshEmployer(),
          spontaneous: true,
          message: "Candidature envoyée par la matrice d'autorisations.",
        },
      ],
      writes: true,
      expect: { ...prescriberAction, prescriberB: "refused" },
    },
  ],
  "lib/applications/send-actions.ts#searchEmployersAction": [
    { args: () => [{ query: "Employeur" }], writes: false, expect: prescriberAction },
  ],
  // Searching B's candidate by name: found by B, an empty list for A (the name check proves it).
  "lib/applications/send-actions.ts#searchCandidatesAction": [
    { args: (s) => [{ query: s.candidateOfBLastName }], writes: false, expect: prescriberAction },
  ],
  // Issue 12: a list filter with many choices searches them; each organisation reads only its own
  // choices (lib/applications/filter-choices.test.ts), and a filter of the other side's list is refused.
  "lib/applications/filter-choice-actions.ts#searchFilterChoicesAction": [
    {
      label: "prescriber organisations",
      args: () => [{ filter: "prescriberOrganization", query: "Prescripteur" }],
      writes: false,
      expect: employerFilterAction,
    },
    { label: "team", args: () => [{ filter: "handler", query: "Nom" }], writes: false, expect: employerFilterAction },
    { label: "employers", args: () => [{ filter: "employer", query: "Employeur" }], writes: false, expect: prescriberFilterAction },
    { label: "colleagues", args: () => [{ filter: "sender", query: "Nom" }], writes: false, expect: prescriberFilterAction },
  ],

  // Issue 13: the receiving employer's active members change its jobs and its spontaneous switch;
  // another employer's job id is not found, a prescriber gets the employer side's 404.
  "lib/job-descriptions/actions.ts#createJobAction": [
    {
      args: () => [
        {
          title: "Agent de tri",
          contractType: "CDDI",
          city: "Roubaix",
          department: "59",
          weeklyHours: "26",
          positions: "2",
          description: "",
        },
      ],
      writes: true,
      expect: { ...employerDecision, otherEmployer: "ok" },
    },
  ],
  "lib/job-descriptions/actions.ts#updateJobAction": [
    {
      args: async (s) => [
        {
          jobId: await s.employerJob(true),
          title: "Agent de tri modifié",
          contractType: "CDI_INCLUSION",
          city: "Roubaix",
          department: "59",
          weeklyHours: "30",
          positions: "1",
        },
      ],
      writes: true,
      expect: employerDecision,
    },
  ],
  "lib/job-descriptions/actions.ts#setJobOpenAction": [
    { args: async (s) => [{ jobId: await s.employerJob(true), open: false }], writes: true, expect: employerDecision },
  ],
  "lib/job-descriptions/actions.ts#setSpontaneousOpenAction": [
    {
      label: "closing, then each employer's own switch (a prescriber has none)",
      args: () => [{ open: false }],
      writes: ["employer", "otherEmployer"],
      expect: { ...employerDecision, otherEmployer: "ok" },
    },
  ],

  "lib/mail/failed-emails-actions.ts#retryFailedEmailAction": [
    {
      label: "an e-mail of the receiving employer: its admin only",
      args: async (s) => [null, form({ id: await s.failedEmployerEmail() })],
      writes: true,
      expect: {
        anonymous: "signIn",
        prescriberA: "refused",
        colleagueA: "refused",
        prescriberB: "refused",
        employer: "ok",
        otherEmployer: "refused",
        formerMember: "noOrganisation",
      },
    },
  ],

  // Only its admins change an organisation's contact details (the other members read them).
  "lib/organizations/actions.ts#saveOrganizationContactAction": [
    {
      args: () => [{ contactEmail: "contact@structure.demo.test", contactPhone: "03 20 00 00 00" }],
      writes: true,
      expect: adminAction,
    },
  ],

  // « Membres de l'organisation »: only its admins add, remove or change a role; a membership of
  // another organisation is not found; nobody acts on their own (tested in lib/organizations/members.test.ts).
  "lib/organizations/actions.ts#addMemberAction": [
    {
      args: () => [
        {
          email: `nouveau-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@pro.test`,
          firstName: "Aline",
          lastName: "Roussel",
          role: "MEMBER",
        },
      ],
      writes: true,
      expect: adminAction,
    },
  ],
  "lib/organizations/actions.ts#removeMemberAction": [
    { label: "a member of B", args: async (s) => [{ membershipId: await s.freshMembership("B") }], writes: true, expect: adminOfB },
    {
      label: "a member of A",
      args: async (s) => [{ membershipId: await s.freshMembership("A") }],
      writes: false,
      expect: { ...adminOfB, prescriberB: "notFound" },
    },
  ],
  "lib/organizations/actions.ts#changeMemberRoleAction": [
    {
      args: async (s) => [{ membershipId: await s.freshMembership("B"), role: "ADMIN" }],
      writes: true,
      expect: adminOfB,
    },
  ],

  // Each user's own preferences; a user without an organisation receives no such e-mail: nothing to store.
  "lib/notifications/actions.ts#saveNotificationPreferences": [
    {
      args: () => [null, form({ shown: ["hired_elsewhere"] })],
      writes: ["prescriberA", "colleagueA", "prescriberB", "employer", "otherEmployer"],
      expect: { ...publicAction, anonymous: "signIn" },
    },
  ],

  // Public: asking for a sign-in link (next-auth's signIn) and signing out.
  "lib/auth/actions.ts#requestSignInLink": [
    {
      args: () => [null, form({ email: "quelqu-un@demo.test" })],
      writes: false,
      okRedirect: "/connexion/verification",
      expect: publicAction,
    },
  ],
  "lib/auth/actions.ts#signOutAction": [{ args: () => [], writes: false, expect: publicAction }],
  // Public: starts ProConnect's authorization (the identity is checked on return); without
  // PROCONNECT_* (as here) it only leads back to the sign-in page.
  "lib/auth/actions.ts#signInWithProConnect": [{ args: () => [], writes: false, okRedirect: "/connexion", expect: publicAction }],
  // Only an organisation the user actively belongs to becomes the current one.
  "lib/auth/actions.ts#selectOrganization": [
    {
      label: "organisation A",
      args: (s) => [form({ organizationId: s.organisationA })],
      // The current-organisation cookie.
      writes: true,
      okRedirect: "/dashboard",
      expect: {
        anonymous: "signIn",
        prescriberA: "ok",
        colleagueA: "ok",
        prescriberB: "redirect:/organisation?invalide=1",
        employer: "redirect:/organisation?invalide=1",
        otherEmployer: "redirect:/organisation?invalide=1",
        formerMember: "redirect:/organisation?invalide=1",
      },
    },
  ],
};
