import { devMailboxIsOpen, listKeptEmails } from "@/lib/mail/mailbox";

export const dynamic = "force-dynamic";

// DESIGN §8: { to, subject, text, html, createdAt }, plus what the sender did with it.
export async function GET() {
  if (!(await devMailboxIsOpen())) return new Response("Not Found", { status: 404 });
  const emails = await listKeptEmails();
  return Response.json(
    emails.map(({ to, subject, text, html, createdAt, template, status, attempts, error, sentAt }) => ({
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
    })),
    { headers: { "Cache-Control": "no-store" } },
  );
}
