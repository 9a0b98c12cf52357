import "server-only";
import { prisma, withPreparedStatements } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { seesArchive, visibleApplicationsWhere, visibleLinkedApplicationsWhere, type AccessScope } from "@/lib/access";

const person = { select: { id: true, firstName: true, lastName: true, email: true } } as const;

const detailSelect = {
  id: true,
  status: true,
  jobTitle: true,
  // Issue 13: what it was sent for and the job hired for (the re-send links: linksSelect below,
  // each end only if this organisation may see it; never the bare id of one it may not).
  spontaneous: true,
  jobs: { select: { jobDescription: { select: { id: true, title: true, contractType: true, city: true } } } },
  hiredJob: { select: { id: true, title: true, contractType: true, city: true } },
  message: true,
  createdAt: true,
  updatedAt: true,
  processedAt: true,
  refusalReason: true,
  answerToCandidate: true,
  answerToPrescriber: true,
  hiringStartDate: true,
  hiringEndDate: true,
  // The person's e-mail (the one the sender typed) and the sender's record of them: a prescriber
  // reads its own organisation's data, an employer what the sending organisation entered.
  candidate: { select: { id: true, email: true } },
  candidateProfile: { select: { firstName: true, lastName: true, phone: true } },
  senderUser: person,
  senderOrganization: { select: { id: true, name: true, type: true, contactEmail: true, contactPhone: true } },
  employerOrganization: {
    select: { id: true, name: true, type: true, address: true, postalCode: true, city: true, contactEmail: true, contactPhone: true },
  },
  handler: person,
  events: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      transition: true,
      fromStatus: true,
      toStatus: true,
      createdAt: true,
      refusalReason: true,
      message: true,
      privateMessage: true,
      hiringStartDate: true,
      hiringEndDate: true,
      actor: { select: { id: true, firstName: true, lastName: true } },
    },
  },
} satisfies Prisma.JobApplicationSelect;

// Issue 13 item 4: the applications linked by a re-send, as relations of the detail (one Prisma
// call for the three reads), each end only if this organisation may see it itself.
const linkedSelect = { id: true, createdAt: true, status: true, employerOrganization: { select: { name: true } } } as const;
function linksSelect(scope: AccessScope) {
  const visible = visibleLinkedApplicationsWhere(scope);
  return {
    resentFrom: { where: visible, select: linkedSelect },
    resentTo: { where: visible, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: linkedSelect },
  } satisfies Prisma.JobApplicationSelect;
}

// Issue 10: archiving is the employer's own sorting; only its side's select names these columns.
const archiveSelect = {
  archivedAt: true,
  archivedBy: { select: { firstName: true, lastName: true } },
} satisfies Prisma.JobApplicationSelect;

export type ApplicationDetail = Prisma.JobApplicationGetPayload<{ select: typeof detailSelect & ReturnType<typeof linksSelect> }>;
export type ApplicationDetailEvent = ApplicationDetail["events"][number];
/** The employer's detail: the same, with whether, when and by whom it was archived. */
export type EmployerApplicationDetail = ApplicationDetail & Prisma.JobApplicationGetPayload<{ select: typeof archiveSelect }>;

/**
 * One application with its history and its re-send links, if the member's current organisation may
 * see it (DESIGN §6: the employer that received it, the prescriber organisation that sent it); null
 * otherwise, which the page answers with a 404 — never another organisation's data. Only the
 * employer's reading carries the archive state (lib/access.ts seesArchive): the prescriber's never
 * has the fields. Prepared (lib/db.ts withPreparedStatements): everything hangs on the application's id.
 */
export async function getApplicationForMember(
  scope: AccessScope,
  applicationId: string,
): Promise<ApplicationDetail | EmployerApplicationDetail | null> {
  if (!applicationId || applicationId.length > 64) return null;
  const where = { AND: [{ id: applicationId }, visibleApplicationsWhere(scope)] };
  const select = { ...detailSelect, ...linksSelect(scope) };
  return withPreparedStatements(() =>
    seesArchive(scope)
      ? prisma.jobApplication.findFirst({ where, select: { ...select, ...archiveSelect } })
      : prisma.jobApplication.findFirst({ where, select }),
  );
}
