import Link from "@/components/link";
import { applicationPath, resendApplicationPath } from "@/lib/routes";
import { STATUS_LABELS, type ApplicationStatus } from "@/lib/status";
import { formatDay } from "@/components/applications/format";

type Linked = { id: string; createdAt: Date; status: ApplicationStatus; employerOrganization: { name: string } };

/**
 * "Envoyer à un autre employeur" and the links between a declined application and its re-sends
 * (issue 13): the caller passes only what lib/access.ts lets this organisation see.
 */
export function ResendLinks({
  applicationId,
  mayResend,
  resentFrom,
  resentTo,
}: {
  applicationId: string;
  mayResend: boolean;
  resentFrom: Linked | null;
  resentTo: Linked[];
}) {
  if (!mayResend && !resentFrom && resentTo.length === 0) return null;
  const describe = (linked: Linked) =>
    `${linked.employerOrganization.name}, le ${formatDay(linked.createdAt)} (${STATUS_LABELS[linked.status]})`;
  return (
    <section aria-labelledby="resend-title" className="fr-mb-3w">
      <h2 id="resend-title" className="fr-h4">
        Autres employeurs
      </h2>
      {resentFrom && (
        <p>
          Envoyée après le refus de la candidature adressée à <Link href={applicationPath(resentFrom.id)}>{describe(resentFrom)}</Link>.
        </p>
      )}
      {resentTo.length > 0 && (
        <>
          <p className="fr-mb-1w">Après ce refus, la candidature a été envoyée à&nbsp;:</p>
          <ul>
            {resentTo.map((linked) => (
              <li key={linked.id}>
                <Link href={applicationPath(linked.id)}>{describe(linked)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
      {mayResend && (
        <>
          <p>
            L&apos;employeur a décliné cette candidature&nbsp;: proposez-la à un autre employeur, avec le même candidat et le même message.
          </p>
          <Link className="fr-btn fr-btn--icon-left fr-icon-send-plane-line" href={resendApplicationPath(applicationId)}>
            Envoyer à un autre employeur
          </Link>
        </>
      )}
    </section>
  );
}
