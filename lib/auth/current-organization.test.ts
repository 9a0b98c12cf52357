import { describe, expect, it } from "vitest";
import { pickCurrentOrganization, type MembershipSummary } from "./current-organization";

const membership = (organizationId: string, organizationKind: "PRESCRIBER" | "EMPLOYER"): MembershipSummary => ({
  organizationId,
  organizationName: organizationId,
  organizationKind,
  organizationType: organizationKind === "PRESCRIBER" ? "FT" : "EI",
  role: "MEMBER",
});

describe("the current organisation", () => {
  const ft = membership("org-ft", "PRESCRIBER");
  const ei = membership("org-ei", "EMPLOYER");

  it("is the only organisation of a one-organisation user, whatever the cookie says", () => {
    expect(pickCurrentOrganization([ft], undefined)).toBe(ft);
    expect(pickCurrentOrganization([ft], "org-of-someone-else")).toBe(ft);
  });

  it("is the picked one for a user of several organisations, and none until they pick", () => {
    expect(pickCurrentOrganization([ft, ei], "org-ei")).toBe(ei);
    expect(pickCurrentOrganization([ft, ei], "org-ft")).toBe(ft);
    expect(pickCurrentOrganization([ft, ei], undefined)).toBeUndefined();
  });

  it("never is an organisation the user does not (or no longer) belong to", () => {
    expect(pickCurrentOrganization([ft, ei], "org-ml")).toBeUndefined();
    expect(pickCurrentOrganization([], "org-ft")).toBeUndefined();
  });
});
