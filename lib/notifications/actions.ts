"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/guards";
import type { ActionResult } from "@/lib/action-result";
import { updateNotificationSettings } from "@/lib/notifications/preferences";
import { notificationPreferencesSchema, preferencesFromFormData } from "@/lib/notifications/validation";
import { ROUTES } from "@/lib/routes";

export type NotificationActionState = ActionResult<{ savedAt: number }> | null;

export async function saveNotificationPreferences(
  _previous: NotificationActionState,
  formData: FormData,
): Promise<NotificationActionState> {
  const user = await requireUser();
  const parsed = notificationPreferencesSchema.safeParse(preferencesFromFormData(formData));
  if (!parsed.success) return { ok: false, error: "Ces préférences n'ont pas pu être enregistrées. Rechargez la page et réessayez." };
  await updateNotificationSettings(user.id, parsed.data);
  revalidatePath(ROUTES.notifications);
  return { ok: true, savedAt: Date.now() };
}
