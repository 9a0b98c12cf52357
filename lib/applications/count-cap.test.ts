/** Filtered counts stop at a cap (issue 12): exact below it, "et plus" past it, per status, and never another organisation's rows. */
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { countApplicationsByStatus } from "@/lib/applications/queries";
import { COUNT_CAP, formatListCount } from "@/lib/applications/count-cap";
import { createApplication, createCandidate, createMember, createOrganization } from "@/test/fixtures";

async function employerWith(statuses: ("NEW" | "PROCESSING" | "REFUSED")[]) {
  const employer = await createOrganization("EMPLOYER");
  const member = await createMember(employer);
  const prescriber = await createOrganization("PRESCRIBER");
  const adviser = await createMember(prescriber);
  const elsewhere = await createOrganization("EMPLOYER");
  for (const status of statuses) {
    const candidate = await createCandidate();
    await createApplication({ candidateId: candidate.id, sender: adviser.ctx, employerOrganizationId: employer.id, status });
    // Another employer's application from the same adviser: never counted.
    await createApplication({ candidateId: candidate.id, sender: adviser.ctx, employerOrganizationId: elsewhere.id, status: "NEW" });
  }
  return { member, prescriber };
}

describe("countApplicationsByStatus with a cap", () => {
  it("counts exactly up to the cap", async () => {
    const s = await employerWith(["NEW", "NEW", "PROCESSING"]);
    const result = await countApplicationsByStatus(s.member.ctx, Prisma.sql`a."senderOrganizationId" = ${s.prescriber.id}`, 3);
    expect(result.capped).toBe(false);
    expect(result.counts).toMatchObject({ NEW: 2, PROCESSING: 1, REFUSED: 0 });
  });

  it("past the cap, says which statuses pass it and counts the others exactly", async () => {
    const s = await employerWith(["NEW", "NEW", "NEW", "NEW", "PROCESSING", "REFUSED", "REFUSED"]);
    const result = await countApplicationsByStatus(s.member.ctx, Prisma.sql`a."senderOrganizationId" = ${s.prescriber.id}`, 3);
    expect(result.capped).toBe(true);
    // NEW stopped at cap + 1; the others are below the cap, exact.
    expect(result.counts).toMatchObject({ NEW: 4, PROCESSING: 1, REFUSED: 2, ACCEPTED: 0 });
  });
});

describe("formatListCount", () => {
  it("writes counts the French way, and a capped count as «\u00a010 000 et plus\u00a0»", () => {
    const nbsp = /\s/g;
    expect(formatListCount(200_930, false).replace(nbsp, " ")).toBe("200 930");
    expect(formatListCount(COUNT_CAP + 1, true).replace(nbsp, " ")).toBe("10 000 et plus");
    // A count below the cap is exact, capped list or not.
    expect(formatListCount(42, true)).toBe("42");
  });
});
