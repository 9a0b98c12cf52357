import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { readSessionUser } from "@/lib/auth/session";
import { SESSION_IDLE_SECONDS } from "@/lib/auth/session-cookie";
import { createMember, createOrganization, createSession } from "@/test/fixtures";
import { MINUTE_MS } from "@/lib/time";

const IDLE_MS = SESSION_IDLE_SECONDS * 1000;
const expiresOf = async (sessionToken: string) => (await prisma.session.findUnique({ where: { sessionToken } }))?.expires ?? null;

describe("the session of a request (issue 12: one read per page)", () => {
  it("is the user and their active memberships, by organisation name; none without a known token", async () => {
    const zebra = await createOrganization("EMPLOYER", { name: `Zèbre ${Date.now()}` });
    const member = await createMember(zebra, "ADMIN");
    const alpaga = await createOrganization("PRESCRIBER", { name: `Alpaga ${Date.now()}` });
    const left = await createOrganization("PRESCRIBER", { name: `Ancienne ${Date.now()}` });
    await prisma.membership.createMany({
      data: [
        { userId: member.user.id, organizationId: alpaga.id, role: "MEMBER" },
        { userId: member.user.id, organizationId: left.id, role: "MEMBER", isActive: false },
      ],
    });
    const user = await readSessionUser(await createSession(member.user));
    expect(user).toEqual({
      id: member.user.id,
      email: member.user.email,
      firstName: member.user.firstName,
      lastName: member.user.lastName,
      memberships: [
        {
          organizationId: alpaga.id,
          organizationName: alpaga.name,
          organizationKind: "PRESCRIBER",
          organizationType: "FT",
          role: "MEMBER",
        },
        { organizationId: zebra.id, organizationName: zebra.name, organizationKind: "EMPLOYER", organizationType: "EI", role: "ADMIN" },
      ],
    });

    expect(await readSessionUser(undefined)).toBeNull();
    expect(await readSessionUser("no-such-token")).toBeNull();
  });

  it("is a user without organisation when no membership is active", async () => {
    const member = await createMember(await createOrganization("PRESCRIBER"), "MEMBER", { isActive: false });
    expect((await readSessionUser(await createSession(member.user)))?.memberships).toEqual([]);
  });

  it("ends after 12 hours idle: an expired session reads as none and is deleted", async () => {
    const member = await createMember(await createOrganization("PRESCRIBER"));
    const token = await createSession(member.user, new Date(Date.now() - 1000));
    expect(await readSessionUser(token)).toBeNull();
    expect(await expiresOf(token)).toBeNull();
  });

  it("is pushed back to 12 hours from now when last pushed more than 5 minutes ago, not on every read", async () => {
    const member = await createMember(await createOrganization("PRESCRIBER"));
    const now = new Date();
    const recent = new Date(now.getTime() + IDLE_MS - 1 * MINUTE_MS);
    const fresh = await createSession(member.user, recent);
    expect(await readSessionUser(fresh, now)).not.toBeNull();
    expect(await expiresOf(fresh)).toEqual(recent);

    const stale = await createSession(member.user, new Date(now.getTime() + IDLE_MS - 6 * MINUTE_MS));
    expect(await readSessionUser(stale, now)).not.toBeNull();
    expect(await expiresOf(stale)).toEqual(new Date(now.getTime() + IDLE_MS));
  });
});
