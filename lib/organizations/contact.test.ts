import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { readOrganizationContact, saveOrganizationContact } from "@/lib/organizations/contact";
import { organizationContactSchema } from "@/lib/organizations/validation";
import { createMember, createOrganization } from "@/test/fixtures";

const parse = (input: unknown) => organizationContactSchema.parse(input);

describe("an organisation's contact details", () => {
  it("its admin sets them and clears them; the other members change nothing", async () => {
    const organization = await createOrganization("EMPLOYER");
    const admin = await createMember(organization, "ADMIN");
    const member = await createMember(organization, "MEMBER");
    const other = await createMember(await createOrganization("EMPLOYER"), "ADMIN");

    expect(
      await saveOrganizationContact(admin.ctx, parse({ contactEmail: " Recrutement@Structure.test ", contactPhone: "03 20 00 00 01" })),
    ).toBe("saved");
    expect(await readOrganizationContact(admin.ctx)).toEqual({
      contactEmail: "recrutement@structure.test",
      contactPhone: "03 20 00 00 01",
    });

    const before = await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } });
    expect(await saveOrganizationContact(member.ctx, parse({ contactEmail: "pirate@ailleurs.test", contactPhone: "" }))).toBe("forbidden");
    // Another organisation's admin writes only their own organisation.
    await saveOrganizationContact(other.ctx, parse({ contactEmail: "autre@ailleurs.test", contactPhone: "" }));
    expect(await prisma.organization.findUniqueOrThrow({ where: { id: organization.id } })).toEqual(before);

    await saveOrganizationContact(admin.ctx, parse({ contactEmail: "", contactPhone: "" }));
    expect(await readOrganizationContact(admin.ctx)).toEqual({ contactEmail: null, contactPhone: null });
  });

  it("refuses what is not an address or a phone number, in French", () => {
    const result = organizationContactSchema.safeParse({ contactEmail: "recrutement", contactPhone: "appelez-nous" });
    const messages = Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      contactEmail: "Saisissez une adresse e-mail valide, par exemple recrutement@structure.fr, ou laissez le champ vide.",
      contactPhone: "Saisissez un numéro de téléphone valide, par exemple 03 20 00 00 00, ou laissez le champ vide.",
    });
  });
});
