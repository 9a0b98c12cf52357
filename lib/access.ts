import "server-only";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrganizationKind } from "@/lib/generated/prisma/enums";
import type { FilterChoiceName } from "@/lib/applications/filter-choice-validation";

/**
 * Who sees what (DESIGN §6), in one file: every query, action and page asks here what the
 * member's current organisation may see or do. A reviewer of a new route checks it against
 * this file only; nothing else compares an organisation's kind.
 */

/** The member as this module needs it: who acts, for which organisation (the current one). */
export type AccessScope = Pick<MemberContext, "organizationId" | "organizationKind">;

// §6 "A user in several organisations picks the current one; everything is scoped to it."
// → every function below takes the current organisation (MemberContext), never the user alone.

/** The side of the platform the current organisation is on. */
export function isPrescriber(scope: Pick<MemberContext, "organizationKind">): boolean {
  return scope.organizationKind === "PRESCRIBER";
}
export function isEmployer(scope: Pick<MemberContext, "organizationKind">): boolean {
  return scope.organizationKind === "EMPLOYER";
}
/** For pages of one side (requireMember(kind)): the other side gets a 404. */
export function isOnSide(scope: Pick<MemberContext, "organizationKind">, kind: OrganizationKind): boolean {
  return scope.organizationKind === kind;
}

// §6 "A prescriber sees the applications sent by their organisation — their own and every
// colleague's — and nothing else."
// §6 "An employer member sees the applications received by their company."
/** The applications the organisation may see. Every read of applications starts from this. */
export function visibleApplicationsWhere(scope: AccessScope): Prisma.JobApplicationWhereInput {
  return isPrescriber(scope) ? { senderOrganizationId: scope.organizationId } : { employerOrganizationId: scope.organizationId };
}

/**
 * The same rule for raw SQL (the lists, the statistics, the application's page), on a JobApplication
 * aliased `a`, or another alias of the same query (an application linked by a re-send).
 */
export function visibleApplicationsSql(scope: AccessScope, alias: "a" | "linked" = "a"): Prisma.Sql {
  const table = Prisma.raw(alias);
  return isPrescriber(scope)
    ? Prisma.sql`${table}."senderOrganizationId" = ${scope.organizationId}`
    : Prisma.sql`${table}."employerOrganizationId" = ${scope.organizationId}`;
}

// Issue 14: "Statistiques" count per member of the organisation only: the adviser who sent each
// application (prescribers), the member who handled it (employers). Never the other side's people.
/** The column of `a` naming the organisation's own member behind each application, for the figures per member. */
export function ownMemberOfApplicationSql(scope: AccessScope): Prisma.Sql {
  return isPrescriber(scope) ? Prisma.sql`a."senderUserId"` : Prisma.sql`a."handlerId"`;
}

// §6 (with §3) Only the employer that received an application decides on it, and only while the
// member still belongs (actively) to it. null: this member may decide on nothing.
/** The applications the member may decide on (the employer's transitions). */
export function decidableApplicationsWhere(ctx: Pick<MemberContext, "userId" | "organizationId" | "organizationKind">) {
  if (!isEmployer(ctx)) return null;
  return {
    employerOrganizationId: ctx.organizationId,
    employerOrganization: { kind: "EMPLOYER", memberships: { some: { userId: ctx.userId, isActive: true } } },
  } satisfies Prisma.JobApplicationWhereInput;
}

/** The same rule for raw SQL, on a JobApplication aliased `a` (a decision's first statement, issue 12). null: none. */
export function decidableApplicationsSql(ctx: Pick<MemberContext, "userId" | "organizationId" | "organizationKind">): Prisma.Sql | null {
  if (!isEmployer(ctx)) return null;
  return Prisma.sql`a."employerOrganizationId" = ${ctx.organizationId} AND EXISTS (
    SELECT 1 FROM "Membership" m JOIN "Organization" o ON o.id = m."organizationId"
    WHERE m."organizationId" = ${ctx.organizationId} AND m."userId" = ${ctx.userId} AND m."isActive" AND o.kind = 'EMPLOYER')`;
}

// Issue 10 item 6: "Commentaires internes" are the employer team's own: its active members read
// and write them on the applications it received; the prescriber side, the candidate page and
// the e-mails never read them. Only the author deletes a note, and only while still a member.
/** The applications whose notes the member may read and add to; null: none (prescribers). */
export const notableApplicationsWhere = decidableApplicationsWhere;
/** The same rule for raw SQL, on a JobApplication aliased `a`. null: none. */
export const notableApplicationsSql = decidableApplicationsSql;

/** The notes the member may delete: their own, on an application whose notes they may read. null: none. */
export function deletableNotesWhere(ctx: Pick<MemberContext, "userId" | "organizationId" | "organizationKind">) {
  const application = notableApplicationsWhere(ctx);
  if (!application) return null;
  return { authorId: ctx.userId, application } satisfies Prisma.ApplicationNoteWhereInput;
}

// Issue 10: archiving is the receiving employer's housekeeping, under the same rule as its
// decisions (an active member of the employer that received the application). null: none.
/** The applications the member may archive or unarchive (which statuses: lib/status.ts canArchive). */
export const archivableApplicationsSql = decidableApplicationsSql;

// Issue 10: "The prescriber's view is unchanged": archiving is the employer's own sorting, so only
// the employer's lists, counters and dashboard hide archived applications.
/** Whether this organisation's lists follow the archive (active by default) or ignore it. */
export function seesArchive(scope: Pick<MemberContext, "organizationKind">): boolean {
  return isEmployer(scope);
}

// Issue 13: an employer's "fiches de poste" and its "Candidatures spontanées" switch are its own:
// its active members create, edit, open and close them; every member reads them and their history
// (who changed what, and when). null: this member may change none.
/** The jobs the member may change (and name as "Poste retenu", open or closed). */
export function manageableJobsWhere(ctx: Pick<MemberContext, "userId" | "organizationId" | "organizationKind">) {
  if (!isEmployer(ctx)) return null;
  return {
    organizationId: ctx.organizationId,
    organization: { kind: "EMPLOYER", memberships: { some: { userId: ctx.userId, isActive: true } } },
  } satisfies Prisma.JobDescriptionWhereInput;
}
/** The employer whose spontaneous switch the member may change: its own, while an active member. null: none. */
export function manageableEmployerWhere(ctx: Pick<MemberContext, "userId" | "organizationId" | "organizationKind">) {
  if (!isEmployer(ctx)) return null;
  return {
    id: ctx.organizationId,
    kind: "EMPLOYER",
    memberships: { some: { userId: ctx.userId, isActive: true } },
  } satisfies Prisma.OrganizationWhereInput;
}
/** The jobs and history the organisation reads on /employer/jobs: its own. */
export function visibleJobsWhere(scope: AccessScope): Prisma.JobDescriptionWhereInput | null {
  return isEmployer(scope) ? { organizationId: scope.organizationId } : null;
}
/** visibleJobsWhere as an SQL condition on "JobDescription" (the list filter's direct read); null: none. */
export function visibleJobsSql(scope: AccessScope): Prisma.Sql | null {
  return isEmployer(scope) ? Prisma.sql`"organizationId" = ${scope.organizationId}` : null;
}
// Issue 13: a prescriber sees, and applies for, an employer's open jobs only: closed ones are the
// employer's history. The send re-checks this under a lock (lib/applications/send.ts).
/** The jobs of an employer any prescriber may see and pick when sending to it. */
export const APPLICABLE_JOBS = { isOpen: true } satisfies Prisma.JobDescriptionWhereInput;

// Issue 13 item 4: "Envoyer à un autre employeur" is the sending organisation's next move after a
// refusal: its members (any of them, like every application of the organisation) re-send a
// declined application it sent. null: none (employers).
/** The applications the member may re-send to another employer. */
export function resendableApplicationsWhere(scope: AccessScope) {
  if (!isPrescriber(scope)) return null;
  return { senderOrganizationId: scope.organizationId, status: "REFUSED" } satisfies Prisma.JobApplicationWhereInput;
}
/** Whether the page offers "Envoyer à un autre employeur" (the same rule as resendableApplicationsWhere). */
export function mayResendApplication(scope: AccessScope, application: { senderOrganizationId: string; status: string }): boolean {
  return isPrescriber(scope) && application.senderOrganizationId === scope.organizationId && application.status === "REFUSED";
}
// Issue 13 item 4: "each timeline links to the other only for those allowed to see it": a linked
// application (re-sent from / re-sent as) is shown only when the organisation may see that
// application itself. So the prescriber organisation sees both links, each employer only its own
// application, and the first employer learns nothing about the second (nor the second about the first).
/** The applications an application page may link to as "re-sent from" or "re-sent as", aliased `linked`. */
export function visibleLinkedApplicationsSql(scope: AccessScope): Prisma.Sql {
  return visibleApplicationsSql(scope, "linked");
}

/** What an employer reads when it calls an action of the prescribers' side. */
export const PRESCRIBERS_ONLY = "Cette action est réservée aux organisations prescriptrices.";

/** Only an organisation of kind EMPLOYER is ever offered, or accepted, as a recipient. */
export function mayReceiveApplications(organization: { kind: OrganizationKind }): boolean {
  return organization.kind === "EMPLOYER";
}

/** Only a prescriber organisation sends applications (and searches employers and its candidates). */
export const maySendApplications = isPrescriber;
/** Only an employer decides, and filters its list by handler or by prescriber organisation. */
export const mayDecideApplications = isEmployer;

// §6 with issue 12: each list filters by its own side's choices, read (listed or searched) only
// from the organisation's own choice tables (lib/applications/filter-choices.ts): the people and
// organisations it already deals with, never another organisation's partners.
/** The list filters whose choices each side reads: a prescriber's colleagues and employers, an employer's team and prescribers. */
const LIST_FILTER_CHOICES: Record<OrganizationKind, readonly FilterChoiceName[]> = {
  PRESCRIBER: ["sender", "employer"],
  EMPLOYER: ["prescriberOrganization", "handler"],
};
/** Whether the organisation's list offers this filter (and so may read or search its choices). */
export function mayFilterListBy(scope: Pick<MemberContext, "organizationKind">, filter: FilterChoiceName): boolean {
  return LIST_FILTER_CHOICES[scope.organizationKind].includes(filter);
}
/**
 * The ids (organisations or users) the organisation may pick in this filter, as a subquery: the
 * pairs and people its applications' trigger keeps, plus its current members. null: a filter of
 * the other side. Listing, searching and naming the chosen one all start from it.
 */
export function filterChoiceIdsSql(scope: AccessScope, filter: FilterChoiceName): Prisma.Sql | null {
  if (!mayFilterListBy(scope, filter)) return null;
  const own = scope.organizationId;
  switch (filter) {
    case "prescriberOrganization":
      return Prisma.sql`SELECT "senderOrganizationId" FROM "EmployerSender" WHERE "employerOrganizationId" = ${own}`;
    case "employer":
      return Prisma.sql`SELECT "employerOrganizationId" FROM "EmployerSender" WHERE "senderOrganizationId" = ${own}`;
    // The team now, and whoever handled (sent) for it before leaving.
    case "handler":
      return Prisma.sql`SELECT "userId" FROM "Membership" WHERE "organizationId" = ${own} AND "isActive"
        UNION SELECT "userId" FROM "EmployerHandler" WHERE "employerOrganizationId" = ${own}`;
    case "sender":
      return Prisma.sql`SELECT "userId" FROM "Membership" WHERE "organizationId" = ${own} AND "isActive"
        UNION SELECT "userId" FROM "OrganizationSender" WHERE "organizationId" = ${own}`;
  }
}

// §6 "Looking up a candidate shows only the applications that their organisation sent (FAQ)."
// A prescriber organisation knows a person through its own record (CandidateProfile), written when
// it first applied for them: never what another organisation typed. An employer looks up nobody.
/** The candidate records the organisation may see; null: none. */
export function visibleCandidateProfilesWhere(scope: AccessScope) {
  if (!isPrescriber(scope)) return null;
  return { organizationId: scope.organizationId } satisfies Prisma.CandidateProfileWhereInput;
}

/** The same rule for raw SQL (the candidate search, accents aside), on a CandidateProfile aliased `p`; null: none. */
export function visibleCandidateProfilesSql(scope: AccessScope): Prisma.Sql | null {
  if (!isPrescriber(scope)) return null;
  return Prisma.sql`p."organizationId" = ${scope.organizationId}`;
}

// §6 "A forbidden or unknown id answers 404, never another organisation's data."
// → the functions above return filters (or null), so that a forbidden id is simply not found.

/**
 * The outbox rows the organisation may see ("E-mails non remis"): the e-mails about its
 * applications to the candidate or to its own people, and its people's e-mails tied to no
 * application (sign-in links). An e-mail about an application to someone of the other
 * organisation (e.g. the employer's team, seen from the prescriber) is that organisation's
 * business: it is not listed, nor is an e-mail about another organisation's application to one
 * of our people who also belongs there.
 */
export async function visibleEmailsWhere(scope: AccessScope): Promise<Prisma.OutboxEmailWhereInput> {
  // OutboxEmail.userId has no relation to User: read the active members first (an organisation is small).
  const members = await prisma.membership.findMany({
    where: { organizationId: scope.organizationId, isActive: true },
    select: { userId: true },
  });
  const memberIds = members.map((member) => member.userId);
  const application = visibleApplicationsWhere(scope);
  return {
    OR: [
      { userId: null, application },
      { userId: { in: memberIds }, OR: [{ applicationId: null }, { application }] },
    ],
  };
}

/** Only an organisation's admins change its contact details (what prescribers and candidates are given). */
export function mayEditOrganizationContact(ctx: Pick<MemberContext, "role">): boolean {
  return ctx.role === "ADMIN";
}

/**
 * Every member sees who else belongs to the organisation (« Membres de l'organisation »); only its
 * admins add someone, remove a member or change a role, and never their own membership (an admin
 * leaves through another admin, so an organisation always keeps one).
 */
export function mayManageMembers(ctx: Pick<MemberContext, "role">): boolean {
  return ctx.role === "ADMIN";
}

/** The memberships of the current organisation, former members' included: what its admins may find by id. */
export function organizationMembershipWhere(scope: Pick<MemberContext, "organizationId">): Prisma.MembershipWhereInput {
  return { organizationId: scope.organizationId };
}

/** Its members: the active memberships, which every member may read. */
export function organizationMembershipsWhere(scope: Pick<MemberContext, "organizationId">): Prisma.MembershipWhereInput {
  return { ...organizationMembershipWhere(scope), isActive: true };
}

/** Only an organisation's admins see and retry its undelivered e-mails. */
export function mayManageFailedEmails(ctx: Pick<MemberContext, "role">): boolean {
  return ctx.role === "ADMIN";
}

// §6 "Every server action and every page checks this on the server; hiding a button is not a check."
// → actions and pages call the functions above (and requireMember), whatever the UI shows.

// §6 "The candidate status link shows one candidate's applications, with the employer's answer
// message, never the refusal reason or private messages."
// → lib/candidate-status.ts (CandidateStatusData) and the candidate e-mails (CandidateEmailData)
//   carry types without those fields.
