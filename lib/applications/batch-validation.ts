// Batch decisions on "Candidatures reçues" (issue 10 item 1): one schema per batch action, shared
// by the action bar's forms (their fields) and the server action (fields plus the selection).
import { z } from "zod";
import { APPLICATION_STATUSES } from "@/lib/status";
import { PAGE_SIZE } from "@/lib/applications/list-filters";
import { postponeSchema, refuseSchema } from "@/lib/applications/decision-validation";

/** At most one page of the list at a time. */
export const BATCH_MAX_SIZE = PAGE_SIZE;
export const BATCH_TOO_LARGE = `Sélectionnez au plus ${BATCH_MAX_SIZE} candidatures à la fois (une page de la liste).`;
export const BATCH_EMPTY = "Sélectionnez au moins une candidature.";

/** Each selected application with the status the user saw: each write requires it, one by one. */
const items = z
  .array(z.object({ applicationId: z.string().trim().min(1).max(64), status: z.enum(APPLICATION_STATUSES) }), { error: BATCH_EMPTY })
  .min(1, BATCH_EMPTY)
  .max(BATCH_MAX_SIZE, BATCH_TOO_LARGE)
  .refine((list) => new Set(list.map((item) => item.applicationId)).size === list.length, "Une candidature est sélectionnée deux fois.");

// The fields of the single-decision forms, so that a batch answers with the same words.
export const batchPostponeFieldsSchema = postponeSchema.omit({ applicationId: true, status: true });
export const batchRefuseFieldsSchema = refuseSchema.omit({ applicationId: true, status: true });

export const BATCH_ACTIONS = ["process", "postpone", "refuse", "archive", "unarchive"] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

export const batchDecisionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("process"), items }),
  z.object({ action: z.literal("archive"), items }),
  z.object({ action: z.literal("unarchive"), items }),
  batchPostponeFieldsSchema.extend({ action: z.literal("postpone"), items }),
  batchRefuseFieldsSchema.extend({ action: z.literal("refuse"), items }),
]);
export type BatchDecisionInput = z.output<typeof batchDecisionSchema>;
