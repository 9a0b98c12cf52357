import "server-only";
import { prisma } from "@/lib/db";
import { emailKindsFor, type OrganizationKind } from "@/lib/notifications/kinds";
import type { NotificationPreferencesInput } from "@/lib/notifications/validation";
import { EMAIL_KIND_LABELS, type EmailKind } from "@/lib/status";

export interface NotificationSetting {
  kind: EmailKind;
  label: string;
  enabled: boolean;
}

// Preferences belong to the person, not to one organisation: a user of both sides sees both lists.
async function organizationKindsOf(userId: string): Promise<OrganizationKind[]> {
  const memberships = await prisma.membership.findMany({
    where: { userId, isActive: true },
    select: { organization: { select: { kind: true } } },
  });
  return [...new Set(memberships.map((membership) => membership.organization.kind))];
}

/** "Mes notifications": each kind this user may receive, on unless they switched it off. */
export async function getNotificationSettings(userId: string): Promise<NotificationSetting[]> {
  const kinds = emailKindsFor(await organizationKindsOf(userId));
  const off = new Set(
    (await prisma.notificationPreference.findMany({ where: { userId, enabled: false }, select: { kind: true } })).map((pref) => pref.kind),
  );
  return kinds.map((kind) => ({ kind, label: EMAIL_KIND_LABELS[kind], enabled: !off.has(kind) }));
}

/**
 * Saves the switches of one user. Kinds this user cannot receive are ignored rather than stored:
 * the form only shows the others, so such a value was not set through it.
 */
export async function updateNotificationSettings(userId: string, input: NotificationPreferencesInput): Promise<void> {
  const allowed = new Set(emailKindsFor(await organizationKindsOf(userId)));
  const changes = (Object.entries(input.enabled) as [EmailKind, boolean | undefined][]).filter(
    (entry): entry is [EmailKind, boolean] => allowed.has(entry[0]) && typeof entry[1] === "boolean",
  );
  await prisma.$transaction(
    changes.map(([kind, enabled]) =>
      prisma.notificationPreference.upsert({
        where: { userId_kind: { userId, kind } },
        update: { enabled },
        create: { userId, kind, enabled },
      }),
    ),
  );
}
