import "server-only";
import { randomUUID } from "node:crypto";
import type { TransactionClient } from "@/lib/db";
import type { EmailContent } from "@/lib/mail/templates";

export interface OutboxEntry extends EmailContent {
  to: string;
  /** The email kind (lib/status.ts EmailKind, or "sign_in"). */
  template: string;
  applicationId?: string;
  userId?: string;
}

/**
 * Writes emails into the outbox, inside the caller's transaction: they exist if and only if
 * the change they announce was committed. The sender delivers them afterwards.
 */
export async function enqueueEmails(tx: Pick<TransactionClient, "outboxEmail">, entries: OutboxEntry[]): Promise<string[]> {
  const rows = entries.map((entry) => ({ ...entry, id: randomUUID(), idempotencyKey: `outbox-${randomUUID()}` }));
  if (rows.length) await tx.outboxEmail.createMany({ data: rows });
  return rows.map((row) => row.id);
}
