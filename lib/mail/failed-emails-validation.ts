// "E-mails non remis": the "Renvoyer" form posts the outbox row's id, nothing else.
import { z } from "zod";

export const retryFailedEmailSchema = z.object({
  id: z.string().trim().min(1).max(64),
});
export type RetryFailedEmailInput = z.infer<typeof retryFailedEmailSchema>;
