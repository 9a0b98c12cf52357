import { z } from "zod";
import { EMAIL_KINDS } from "@/lib/notifications/kinds";
import type { EmailKind } from "@/lib/status";

/** "Mes notifications": the switches as submitted; a kind left out is not changed. */
export const notificationPreferencesSchema = z.object({
  enabled: z.partialRecord(z.enum(EMAIL_KINDS as [EmailKind, ...EmailKind[]]), z.boolean()),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesSchema>;

/**
 * A checkbox is posted only when checked ("on"): each kind listed in the hidden `shown` inputs and
 * not posted was switched off.
 */
export function preferencesFromFormData(formData: FormData): unknown {
  const shown = formData.getAll("shown").map(String);
  return { enabled: Object.fromEntries(shown.map((kind) => [kind, formData.get(kind) === "on"])) };
}
