import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { linksIn, listKeptEmails } from "@/lib/mail/mailbox";

export const metadata: Metadata = { title: "E-mails de développement", robots: { index: false } };
export const dynamic = "force-dynamic";

const STATUS_LABELS = { PENDING: "conservé, non envoyé", SENT: "envoyé", FAILED: "échec" } as const;

export default async function DevMailsPage() {
  if (!env.devMailboxEnabled) notFound();
  const emails = await listKeptEmails();
  return (
    <>
      <h1>E-mails de développement</h1>
      <p>
        Sans clé Resend, les e-mails sont conservés ici au lieu d&apos;être envoyés (les plus récents d&apos;abord). Aussi
        disponible en <a href="/dev/mails.json">JSON</a>.
      </p>
      {emails.length === 0 && <p>Aucun e-mail pour l&apos;instant.</p>}
      {emails.map((email) => (
        <article key={email.id} className="fr-card fr-p-3w fr-mb-3w">
          <h2 className="fr-h6 fr-mb-1w">{email.subject}</h2>
          <p className="fr-text--sm fr-mb-1w">
            À <strong>{email.to}</strong> — <time dateTime={email.createdAt.toISOString()}>{email.createdAt.toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}</time> — {STATUS_LABELS[email.status]}
          </p>
          <ul className="fr-text--sm">
            {linksIn(email.text).map((link) => (
              <li key={link}>
                <a href={link}>{link}</a>
              </li>
            ))}
          </ul>
          <details>
            <summary>Voir le message</summary>
            {/* An empty sandbox: the email's HTML can neither run scripts nor navigate this page. */}
            <iframe title={`Contenu HTML : ${email.subject}`} srcDoc={email.html} sandbox="" style={{ width: "100%", height: "28rem", border: "1px solid #ddd" }} />
          </details>
        </article>
      ))}
    </>
  );
}
