import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { readSessionUser } from "@/lib/auth/session";
import { bucketOf } from "@/lib/rate-limit";
import { addMember, changeMemberRole, listMembers, MEMBER_ADDITIONS_PER_DAY, removeMember } from "@/lib/organizations/members";
import { addMemberSchema } from "@/lib/organizations/member-validation";
import { createMember, createOrganization, createSession } from "@/test/fixtures";
import { unique } from "@/test/data-builders";

const BASE_URL = "https://suivi.example.test";
const person = (overrides: Record<string, string> = {}) =>
  addMemberSchema.parse({
    email: `Nouvelle.Recrue-${unique()}@Structure.test`,
    firstName: "Aline",
    lastName: "Roussel",
    role: "MEMBER",
    ...overrides,
  });

async function team() {
  const organization = await createOrganization("EMPLOYER", { name: `Recyclerie ${unique()}` });
  const admin = await createMember(organization, "ADMIN", { firstName: "Nadia", lastName: "Lefèvre" });
  const member = await createMember(organization, "MEMBER");
  return { organization, admin, member };
}

const membershipsOf = (organizationId: string) =>
  prisma.membership.findMany({ where: { organizationId }, select: { userId: true, role: true, isActive: true }, orderBy: { id: "asc" } });

describe("«\u00a0Membres de l'organisation\u00a0»", () => {
  it("an admin gives a new person access: account, membership, and an e-mail that says where to sign in", async () => {
    const { organization, admin } = await team();
    const input = person();
    const result = await addMember(admin.ctx, input, { baseUrl: BASE_URL });
    expect(result).toMatchObject({ ok: true, member: { firstName: "Aline", lastName: "Roussel" }, reactivated: false });

    const user = await prisma.user.findUniqueOrThrow({ where: { email: input.email }, include: { memberships: true } });
    expect(user.email).toBe(input.email.toLowerCase());
    expect(user.memberships).toMatchObject([{ organizationId: organization.id, role: "MEMBER", isActive: true }]);
    const [email] = await prisma.outboxEmail.findMany({ where: { to: user.email } });
    expect(email).toMatchObject({ template: "member_added", subject: `Votre accès à Suivi des candidatures pour ${organization.name}` });
    expect(email!.text).toContain(`Nadia Lefèvre vous a donné accès à Suivi des candidatures pour ${organization.name}.`);
    expect(email!.text).toContain(`Adresse de connexion\u00a0: ${user.email}`);
    // The sign-in page from APP_URL, never a usable sign-in link.
    expect(email!.text).toContain(`${BASE_URL}/connexion`);
    expect(email!.text).not.toMatch(/token=/);
    // Their name and address were typed by their admin: where to read about that data (GDPR art. 14).
    expect(email!.text).toContain(`Vos données personnelles et vos droits\u00a0: ${BASE_URL}/donnees-personnelles`);

    // The new member can now ask for a sign-in link and sees the organisation.
    const session = await readSessionUser(await createSession(user));
    expect(session?.memberships.map((membership) => membership.organizationId)).toEqual([organization.id]);
    const listed = await listMembers(admin.ctx);
    expect(listed.map((row) => [row.email, row.role, row.isSelf])).toEqual(
      expect.arrayContaining([
        [input.email, "MEMBER", false],
        [admin.user.email, "ADMIN", true],
      ]),
    );
  });

  it("keeps the account of someone already known elsewhere, names included, and brings a former member back", async () => {
    const { organization, admin } = await team();
    const elsewhere = await createMember(await createOrganization("EMPLOYER"), "MEMBER", { firstName: "Yanis", lastName: "Garnier" });
    const added = await addMember(admin.ctx, person({ email: elsewhere.user.email, firstName: "Autre", lastName: "Nom", role: "ADMIN" }), {
      baseUrl: BASE_URL,
    });
    expect(added).toMatchObject({ ok: true, member: { firstName: "Yanis", lastName: "Garnier" }, reactivated: false });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: elsewhere.user.id } })).toMatchObject({
      firstName: "Yanis",
      lastName: "Garnier",
    });
    const [email] = await prisma.outboxEmail.findMany({ where: { to: elsewhere.user.email } });
    expect(email!.text).toContain(", avec le rôle d'administrateur.");

    const former = await createMember(organization, "ADMIN", { isActive: false });
    const back = await addMember(admin.ctx, person({ email: former.user.email }), { baseUrl: BASE_URL });
    expect(back).toMatchObject({ ok: true, reactivated: true });
    // The same membership, active again, with the role chosen now.
    expect(await prisma.membership.findMany({ where: { userId: former.user.id } })).toMatchObject([
      { organizationId: organization.id, role: "MEMBER", isActive: true },
    ]);
  });

  it("two organisations adding the same new address at once make one account, member of both", async () => {
    const [first, second] = await Promise.all([team(), team()]);
    const input = person();
    const results = await Promise.all([
      addMember(first.admin.ctx, input, { baseUrl: BASE_URL }),
      addMember(second.admin.ctx, input, { baseUrl: BASE_URL }),
    ]);
    expect(results.map((result) => "ok" in result)).toEqual([true, true]);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: input.email }, include: { memberships: true } });
    expect(user.memberships.map((membership) => membership.organizationId).sort()).toEqual(
      [first.organization.id, second.organization.id].sort(),
    );
  });

  it("refuses a member who is already there, a non-admin, and more than the day's additions, writing nothing", async () => {
    const { organization, admin, member } = await team();
    const before = await membershipsOf(organization.id);
    const users = await prisma.user.count();
    const emails = await prisma.outboxEmail.count();

    expect(await addMember(admin.ctx, person({ email: member.user.email.toUpperCase() }), { baseUrl: BASE_URL })).toEqual({
      error: "already_member",
    });
    expect(await addMember(member.ctx, person(), { baseUrl: BASE_URL })).toEqual({ error: "forbidden" });
    const now = Date.now();
    await prisma.rateLimitHit.createMany({
      data: Array.from({ length: MEMBER_ADDITIONS_PER_DAY }, (_, i) => ({
        bucket: bucketOf("members:add", organization.id),
        at: new Date(now - i * 60_000),
      })),
    });
    expect(await addMember(admin.ctx, person(), { baseUrl: BASE_URL })).toEqual({ error: "limit" });

    expect(await membershipsOf(organization.id)).toEqual(before);
    expect(await prisma.user.count()).toBe(users);
    expect(await prisma.outboxEmail.count()).toBe(emails);
  });

  it("an admin removes a member, whose session no longer reaches the organisation, and nothing else of theirs changes", async () => {
    const { organization, admin, member } = await team();
    const token = await createSession(member.user);
    const [membership] = await prisma.membership.findMany({ where: { userId: member.user.id } });

    expect(await removeMember(admin.ctx, { membershipId: membership!.id })).toEqual({
      ok: true,
      member: { firstName: member.user.firstName, lastName: member.user.lastName },
    });
    expect((await readSessionUser(token))?.memberships).toEqual([]);
    expect(await prisma.user.findUnique({ where: { id: member.user.id } })).not.toBeNull();
    expect((await listMembers(admin.ctx)).map((row) => row.email)).toEqual([admin.user.email]);
    // Removed already (a double click, another admin): said as such, and no role change either.
    expect(await removeMember(admin.ctx, { membershipId: membership!.id })).toEqual({ error: "removed" });
    expect(await changeMemberRole(admin.ctx, { membershipId: membership!.id, role: "ADMIN" })).toEqual({ error: "removed" });
    expect(await membershipsOf(organization.id)).toContainEqual({ userId: member.user.id, role: "MEMBER", isActive: false });
  });

  it("changes roles, but never the admin's own access nor another organisation's members", async () => {
    const { organization, admin, member } = await team();
    const [own] = await prisma.membership.findMany({ where: { userId: admin.user.id } });
    const [theirs] = await prisma.membership.findMany({ where: { userId: member.user.id } });
    const other = await team();
    const [foreign] = await prisma.membership.findMany({ where: { userId: other.member.user.id } });

    expect(await changeMemberRole(admin.ctx, { membershipId: theirs!.id, role: "ADMIN" })).toMatchObject({ ok: true });
    expect(await changeMemberRole(admin.ctx, { membershipId: theirs!.id, role: "ADMIN" })).toEqual({ error: "unchanged" });
    expect(await changeMemberRole(admin.ctx, { membershipId: own!.id, role: "MEMBER" })).toEqual({ error: "self" });
    expect(await removeMember(admin.ctx, { membershipId: own!.id })).toEqual({ error: "self" });
    expect(await removeMember(admin.ctx, { membershipId: foreign!.id })).toEqual({ error: "not_found" });
    expect(await changeMemberRole(admin.ctx, { membershipId: foreign!.id, role: "ADMIN" })).toEqual({ error: "not_found" });
    // A member (not an admin) changes nothing, not even with a valid id.
    expect(await removeMember(other.member.ctx, { membershipId: foreign!.id })).toEqual({ error: "forbidden" });

    expect(await membershipsOf(organization.id)).toEqual(
      expect.arrayContaining([
        { userId: admin.user.id, role: "ADMIN", isActive: true },
        { userId: member.user.id, role: "ADMIN", isActive: true },
      ]),
    );
    expect(await membershipsOf(other.organization.id)).toEqual(
      expect.arrayContaining([{ userId: other.member.user.id, role: "MEMBER", isActive: true }]),
    );
  });

  it("two admins removing each other at the same moment leave the organisation one admin", async () => {
    const organization = await createOrganization("PRESCRIBER");
    const first = await createMember(organization, "ADMIN");
    const second = await createMember(organization, "ADMIN");
    const [firstMembership] = await prisma.membership.findMany({ where: { userId: first.user.id } });
    const [secondMembership] = await prisma.membership.findMany({ where: { userId: second.user.id } });

    // Both removals start while their target rows are held, so that each has read its own admin
    // role before either commits: without the organisation's lock, both would go through.
    let removals: Promise<Awaited<ReturnType<typeof removeMember>>[]> | undefined;
    await prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Membership" WHERE id IN (${firstMembership!.id}, ${secondMembership!.id}) FOR UPDATE`;
      removals = Promise.all([
        removeMember(first.ctx, { membershipId: secondMembership!.id }),
        removeMember(second.ctx, { membershipId: firstMembership!.id }),
      ]);
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const results = await removals!;
    expect(results.filter((result) => "ok" in result)).toHaveLength(1);
    expect(results.filter((result) => "error" in result)).toEqual([{ error: "forbidden" }]);
    expect(await prisma.membership.count({ where: { organizationId: organization.id, isActive: true, role: "ADMIN" } })).toBe(1);
  });

  it("refuses a missing name and a malformed address in French", () => {
    const result = addMemberSchema.safeParse({ email: "aline@", firstName: " ", lastName: "", role: "OWNER" });
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      email: "Saisissez une adresse e-mail valide, par exemple prenom.nom@structure.fr.",
      firstName: "Saisissez le prénom de la personne.",
      lastName: "Saisissez le nom de la personne.",
      role: "Choisissez le rôle de la personne.",
    });
  });
});
