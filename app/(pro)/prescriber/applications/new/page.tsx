import { requireMember, sidePageMetadata } from "@/lib/auth/guards";
import { getOrganizationCandidate } from "@/lib/applications/candidates";
import { getResendSource } from "@/lib/applications/resend";
import { SendApplicationForm } from "@/components/applications/send-application-form";

export const generateMetadata = sidePageMetadata("PRESCRIBER", "Envoyer une candidature");

export default async function NewApplicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const member = await requireMember("PRESCRIBER");
  const { candidate: candidateParam, resend: resendParam } = await searchParams;
  // "?resend=<id>" (Envoyer à un autre employeur) starts from a declined application of this
  // organisation: same candidate, same message. Any other id is ignored like an unknown one.
  const resend = typeof resendParam === "string" ? await getResendSource(member, resendParam) : null;
  // "?candidate=<id>" (from a candidate page) preselects one of this organisation's candidates;
  // any other id is ignored like an unknown one.
  const candidateId = resend?.candidateId ?? (typeof candidateParam === "string" ? candidateParam : null);
  const candidate = candidateId ? await getOrganizationCandidate(member, candidateId) : null;

  return (
    <>
      <h1>Envoyer une candidature</h1>
      <p className="fr-text--lead">
        Proposez la candidature d&apos;une personne que vous accompagnez à un employeur de l&apos;insertion. L&apos;employeur est prévenu
        par e-mail&nbsp;; vous et vos collègues suivez ensuite sa réponse dans «&nbsp;Suivi des candidatures&nbsp;».
      </p>
      <SendApplicationForm
        resend={resend && { applicationId: resend.id, employerName: resend.employerOrganization.name, message: resend.message }}
        initialCandidate={
          candidate
            ? {
                id: candidate.id,
                firstName: candidate.firstName,
                lastName: candidate.lastName,
                birthDate: candidate.birthDate,
                email: candidate.email,
                hasEmail: candidate.email !== null,
              }
            : null
        }
      />
    </>
  );
}
