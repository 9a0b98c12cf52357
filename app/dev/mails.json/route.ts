import { bodyNotice, bodyState, devMailboxIsOpen, listKeptEmails } from "@/lib/mail/mailbox";

export const dynamic = "force-dynamic";

// DESIGN §8: { to, subject, text, html, createdAt }, plus what the sender did with it, and whether
// the body is still whole ("redacted": its personal link was removed once sent; "purged": emptied).
export async function GET() {
  if (!(await devMailboxIsOpen())) return new Response("Not Found", { status: 404 });
  const emails = await listKeptEmails();
  return Response.json(
    emails.map(({ to, subject, text, html, createdAt, template, status, attempts, error, sentAt, bodyRedactedAt, bodyPurgedAt }) => ({
      to,
      subject,
      text,
      html,
      createdAt: createdAt.toISOString(),
      template,
      status,
      attempts,
      error,
      sentAt: sentAt?.toISOString() ?? null,
      body: bodyState({ bodyRedactedAt, bodyPurgedAt }),
      bodyNotice: bodyNotice({ bodyRedactedAt, bodyPurgedAt }),
    })),
    { headers: { "Cache-Control": "no-store" } },
  );
}
