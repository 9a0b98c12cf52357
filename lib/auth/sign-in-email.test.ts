import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createMember, createOrganization } from "@/test/fixtures";
import { hasActiveAccount, maskEmail, sendSignInLink } from "./sign-in-email";

const LINK = "http://127.0.0.1:3000/api/auth/callback/resend?callbackUrl=%2Fdashboard&token=abc&email=x%40y.test";

describe("magic-link sign-in", () => {
  it("writes one sign-in email with the link to the confirmation page, never the callback itself", async () => {
    const { user } = await createMember(await createOrganization("PRESCRIBER"));
    expect(await sendSignInLink(user.email.toUpperCase(), LINK)).toBe(true);
    const emails = await prisma.outboxEmail.findMany({ where: { to: user.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: "sign_in", userId: user.id, status: "PENDING" });
    // Same origin and query as the URL next-auth gave: only the path leads to "Se connecter".
    expect(emails[0]!.text).toContain("http://127.0.0.1:3000/connexion/confirmer?callbackUrl=%2Fdashboard&token=abc&email=x%40y.test");
    expect(emails[0]!.text + emails[0]!.html).not.toContain("/api/auth/callback");
    expect(await hasActiveAccount(user.email)).toBe(true);
  });

  it("writes nothing for an unknown address, nor for a member whose memberships are all inactive", async () => {
    const before = await prisma.outboxEmail.count();
    expect(await sendSignInLink("personne@inconnu.test", LINK)).toBe(false);

    const { user } = await createMember(await createOrganization("EMPLOYER"));
    await prisma.membership.updateMany({ where: { userId: user.id }, data: { isActive: false } });
    expect(await sendSignInLink(user.email, LINK)).toBe(false);
    expect(await hasActiveAccount(user.email)).toBe(false);
    expect(await prisma.outboxEmail.count()).toBe(before);
  });
});

describe("maskEmail", () => {
  it("keeps the first letter and the domain only", () => {
    expect(maskEmail("prescripteur@demo.test")).toBe("p***@demo.test");
    expect(maskEmail("pas-une-adresse")).toBe("***");
  });
});
