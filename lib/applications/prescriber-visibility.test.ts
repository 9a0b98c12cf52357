/**
 * Who sees what on the prescriber side (DESIGN §6, issue 4): for one application sent by a member
 * of a prescriber organisation, the sender, a colleague, a prescriber of another organisation, the
 * receiving employer and another employer get exactly the access the design gives them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import type { MemberContext } from "@/lib/auth/guards";
import { listApplications } from "@/lib/applications/list";
import { parseListFilters } from "@/lib/applications/list-filters";
import { getApplicationForMember } from "@/lib/applications/detail";
import { getOrganizationCandidate, searchOrganizationCandidates } from "@/lib/applications/candidates";
import { getSentApplicationSummary } from "@/lib/applications/prescriber";
import { sendApplication } from "@/lib/applications/send";
import { createApplication, createCandidate, createMember, createOrganization, filterOptions } from "@/test/fixtures";

type Viewer = "sender" | "colleague" | "otherPrescriber" | "receivingEmployer" | "otherEmployer";
const VIEWERS: Viewer[] = ["sender", "colleague", "otherPrescriber", "receivingEmployer", "otherEmployer"];
const BASE_URL = "http://test.local";

let ctx: Record<Viewer, MemberContext>;
let applicationId: string;
let otherOrgApplicationId: string;
let candidate: Awaited<ReturnType<typeof createCandidate>>;
let employerOrgId: string;
let otherEmployerOrgId: string;

beforeAll(async () => {
  const prescriberOrg = await createOrganization("PRESCRIBER");
  const otherPrescriberOrg = await createOrganization("PRESCRIBER");
  const employerOrg = await createOrganization("EMPLOYER");
  const otherEmployerOrg = await createOrganization("EMPLOYER");
  employerOrgId = employerOrg.id;
  otherEmployerOrgId = otherEmployerOrg.id;
  const members = {
    sender: await createMember(prescriberOrg),
    colleague: await createMember(prescriberOrg),
    otherPrescriber: await createMember(otherPrescriberOrg),
    receivingEmployer: await createMember(employerOrg),
    otherEmployer: await createMember(otherEmployerOrg),
  };
  ctx = Object.fromEntries(VIEWERS.map((viewer) => [viewer, members[viewer].ctx])) as Record<Viewer, MemberContext>;
  candidate = await createCandidate();
  applicationId = (await createApplication({ candidateId: candidate.id, sender: ctx.sender, employerOrganizationId: employerOrg.id })).id;
  // The same person, applied for by another prescriber organisation to another employer.
  otherOrgApplicationId = (
    await createApplication({
      candidateId: candidate.id,
      sender: ctx.otherPrescriber,
      employerOrganizationId: otherEmployerOrg.id,
      status: "REFUSED",
    })
  ).id;
});

const allowed = (viewer: Viewer, who: Viewer[]) => who.includes(viewer);

describe("visibility of an application sent by a prescriber", () => {
  it.each(VIEWERS)("list (Suivi des candidatures / Candidatures reçues) for %s", async (viewer) => {
    const { rows } = await listApplications(ctx[viewer], parseListFilters({}));
    expect(rows.some((row) => row.id === applicationId)).toBe(allowed(viewer, ["sender", "colleague", "receivingEmployer"]));
    // Another organisation's application for the same person never shows on this side.
    expect(rows.some((row) => row.id === otherOrgApplicationId)).toBe(allowed(viewer, ["otherPrescriber", "otherEmployer"]));
  });

  it.each(VIEWERS)("detail page for %s", async (viewer) => {
    const detail = await getApplicationForMember(ctx[viewer], applicationId);
    expect(detail?.id ?? null).toBe(allowed(viewer, ["sender", "colleague", "receivingEmployer"]) ? applicationId : null);
  });

  it.each(VIEWERS)("candidate page for %s: only the applications of the viewer's own organisation", async (viewer) => {
    const page = await getOrganizationCandidate(ctx[viewer], candidate.id);
    if (allowed(viewer, ["sender", "colleague"])) {
      expect(page?.applications.map((a) => a.id)).toEqual([applicationId]);
    } else if (viewer === "otherPrescriber") {
      expect(page?.applications.map((a) => a.id)).toEqual([otherOrgApplicationId]);
    } else {
      expect(page).toBeNull();
    }
  });

  it.each(VIEWERS)("confirmation page for %s", async (viewer) => {
    const summary = await getSentApplicationSummary(ctx[viewer], applicationId);
    expect(summary?.id ?? null).toBe(allowed(viewer, ["sender", "colleague"]) ? applicationId : null);
  });

  it.each(VIEWERS)("candidate search of the form for %s", async (viewer) => {
    const results = await searchOrganizationCandidates(ctx[viewer], candidate.lastName);
    expect(results.map((c) => c.id)).toEqual(allowed(viewer, ["sender", "colleague", "otherPrescriber"]) ? [candidate.id] : []);
  });

  it.each(VIEWERS)("sending for this candidate (by id) as %s", async (viewer) => {
    const before = await prisma.jobApplication.count();
    const result = await sendApplication(
      ctx[viewer],
      {
        spontaneous: true,
        candidateMode: "existing",
        candidateId: candidate.id,
        employerOrganizationId: otherEmployerOrgId,
        message: "Une nouvelle candidature pour cette personne.",
      },
      { baseUrl: BASE_URL },
    );
    if (allowed(viewer, ["sender", "colleague"])) {
      expect(result.ok).toBe(true);
      // Clean up so that the colleague's send is not a duplicate of the sender's.
      if (result.ok) await prisma.jobApplication.delete({ where: { id: result.applicationId } });
    } else if (viewer === "otherPrescriber") {
      // Their organisation applied for this person too (refused, so nothing pending): it may send again.
      expect(result.ok).toBe(true);
      if (result.ok) await prisma.jobApplication.delete({ where: { id: result.applicationId } });
    } else {
      expect(result.ok).toBe(false);
      expect(await prisma.jobApplication.count()).toBe(before);
    }
  });

  it("an id from another organisation answers exactly like an unknown one, for every read", async () => {
    const viewer = ctx.otherPrescriber;
    expect(await getApplicationForMember(viewer, applicationId)).toBeNull();
    expect(await getApplicationForMember(viewer, "app-does-not-exist")).toBeNull();
    expect(await getSentApplicationSummary(viewer, applicationId)).toBeNull();
    expect(await getOrganizationCandidate(ctx.receivingEmployer, candidate.id)).toBeNull();
    expect(await getOrganizationCandidate(viewer, "cand-does-not-exist")).toBeNull();
  });

  it("filter options list only the organisation's own employers and colleagues", async () => {
    expect((await filterOptions(ctx.sender, "employer")).map((e) => e.id)).toEqual([employerOrgId]);
    expect(await filterOptions(ctx.receivingEmployer, "employer")).toEqual([]);
    const senders = (await filterOptions(ctx.colleague, "sender")).map((u) => u.id).sort();
    expect(senders).toEqual([ctx.sender.userId, ctx.colleague.userId].sort());
    expect(await filterOptions(ctx.receivingEmployer, "sender")).toEqual([]);
  });
});
