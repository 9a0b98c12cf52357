import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createMember, createOrganization } from "@/test/fixtures";
import { hasActiveAccount, sendSignInLink } from "./sign-in-email";

const LINK = "http://127.0.0.1:3000/api/auth/callback/resend?token=abc&email=x";

describe("magic-link sign-in", () => {
  it("writes one sign-in email with the link for a member of an organisation", async () => {
    const { user } = await createMember(await createOrganization("PRESCRIBER"));
    expect(await sendSignInLink(user.email.toUpperCase(), LINK)).toBe(true);
    const emails = await prisma.outboxEmail.findMany({ where: { to: user.email } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ template: "sign_in", userId: user.id, status: "PENDING" });
    expect(emails[0]!.text).toContain(LINK);
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
