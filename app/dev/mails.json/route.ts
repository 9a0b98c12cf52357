import { env } from "@/lib/env";
import { listKeptEmails } from "@/lib/mail/mailbox";

export const dynamic = "force-dynamic";

export async function GET() {
  if (!env.devMailboxEnabled) return new Response("Not Found", { status: 404 });
  const emails = await listKeptEmails();
  return Response.json(
    emails.map(({ to, subject, text, html, createdAt, template, status }) => ({ to, subject, text, html, createdAt: createdAt.toISOString(), template, status })),
    { headers: { "Cache-Control": "no-store" } },
  );
}
