import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { env } from "@/lib/env";
import { bodyNotice, devMailboxIsOpen, linksIn, listKeptEmails, type KeptEmail } from "@/lib/mail/mailbox";

export const metadata: Metadata = { title: "E-mails de développement", robots: { index: false } };
export const dynamic = "force-dynamic";

const TIME = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Paris" });

function DeliveryStatus({ email }: { email: KeptEmail }) {
  if (email.status === "SENT") {
    return (
      <Badge small severity="success" noIcon>
        Envoyé par Resend
      </Badge>
    );
  }
  if (email.status === "FAILED") {
    return (
      <Badge small severity="error" noIcon>
        Échec de l&apos;envoi
      </Badge>
    );
  }
  // Without a Resend key nothing is ever sent: PENDING then simply means "kept here".
  if (!env.sendsRealEmail) {
    return (
      <Badge small noIcon>
        Conservé, non envoyé
      </Badge>
    );
  }
  return (
    <Badge small severity="info" noIcon>
      {email.attempts > 0 ? `Nouvel essai à ${TIME.format(email.nextAttemptAt)}` : "En attente d'envoi"}
    </Badge>
  );
}

export default async function DevMailsPage() {
  if (!(await devMailboxIsOpen())) notFound();
  const emails = await listKeptEmails();
  const failed = emails.filter((email) => email.status === "FAILED").length;
  return (
    <>
      <h1>E-mails de développement</h1>
      <p>
        {env.sendsRealEmail
          ? "Une clé Resend est configurée\u00a0: les e-mails ci-dessous sont envoyés, et leur état d'envoi est indiqué."
          : "Sans clé Resend, les e-mails sont conservés ici au lieu d'être envoyés."}{" "}
        Les plus récents d&apos;abord. Aussi disponible en <a href="/dev/mails.json">JSON</a>.
      </p>
      {failed > 0 && (
        <Alert
          severity="error"
          small
          className="fr-mb-3w"
          description={`${failed} e-mail${failed > 1 ? "s n'ont" : " n'a"} pas pu être envoyé${failed > 1 ? "s" : ""}\u00a0: l'erreur de Resend est indiquée sur chacun.`}
        />
      )}
      {emails.length === 0 && <p>Aucun e-mail pour l&apos;instant.</p>}
      {emails.map((email) => (
        <article key={email.id} className="fr-card fr-p-3w fr-mb-3w" aria-labelledby={`mail-${email.id}`}>
          <h2 id={`mail-${email.id}`} className="fr-h6 fr-mb-1w">
            {email.subject}
          </h2>
          <p className="fr-text--sm fr-mb-1w">
            À <strong>{email.to}</strong> — <time dateTime={email.createdAt.toISOString()}>{TIME.format(email.createdAt)}</time> —{" "}
            <code>{email.template}</code> — <DeliveryStatus email={email} />
          </p>
          {email.error && (
            <p className="fr-text--sm fr-mb-1w fr-error-text">
              {email.status === "FAILED" ? "Erreur" : "Dernière erreur"} (après {email.attempts} essai{email.attempts > 1 ? "s" : ""}
              )&nbsp;: {email.error}
            </p>
          )}
          {bodyNotice(email) && <p className="fr-text--sm fr-mb-1w fr-info-text">{bodyNotice(email)}</p>}
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
            <iframe
              title={`Contenu HTML\u00a0: ${email.subject}`}
              srcDoc={email.html}
              sandbox=""
              style={{ width: "100%", height: "28rem", border: "1px solid #ddd" }}
            />
          </details>
        </article>
      ))}
    </>
  );
}
