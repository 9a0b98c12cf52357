"use client";
import { useTransition } from "react";
import { archiveAction, unarchiveAction } from "@/lib/applications/decision-actions";
import { ARCHIVE, AUTO_ARCHIVE_AFTER_DAYS, UNARCHIVE, canArchive, canUnarchive, type ApplicationStatus } from "@/lib/status";
import { FocusedNotice, UNEXPECTED_ERROR, useFocusedNotice } from "@/components/applications/decision-form-kit";

/**
 * "Archiver" / "Désarchiver" on the employer's page of one application (issue 10), as
 * lib/status.ts allows: closed applications are archived, any archived one comes back. Nothing
 * changes for the prescriber or the candidate, and the panel says so.
 */
export function ArchivePanel({
  applicationId,
  status,
  archived,
}: {
  applicationId: string;
  status: ApplicationStatus;
  /** When and by whom, already in words; null: active. */
  archived: { on: string; by: string | null } | null;
}) {
  const { notice, setNotice, noticeRef } = useFocusedNotice();
  const [isPending, startTransition] = useTransition();

  const mayArchive = canArchive(status, archived !== null, "employer");
  const mayUnarchive = canUnarchive(archived !== null, "employer");
  if (!mayArchive && !mayUnarchive && !notice) return null;

  function run(archive: boolean) {
    setNotice(null);
    startTransition(async () => {
      try {
        const result = await (archive ? archiveAction : unarchiveAction)({ applicationId, status });
        if (result.ok) {
          setNotice({
            severity: "success",
            message: archive
              ? "La candidature est archivée\u00a0: elle n'apparaît plus dans les candidatures actives, mais sous «\u00a0Archivées\u00a0»."
              : "La candidature est désarchivée\u00a0: elle est de nouveau dans les candidatures actives.",
          });
        } else {
          setNotice({ severity: result.stale ? "warning" : "error", message: result.error });
        }
      } catch {
        setNotice({ severity: "error", message: UNEXPECTED_ERROR });
      }
    });
  }

  return (
    <section aria-labelledby="archive-title" className="fr-mb-5w">
      <h2 id="archive-title" className="fr-h4">
        Archivage
      </h2>
      <FocusedNotice notice={notice} noticeRef={noticeRef} className="fr-mb-3w" />
      {archived ? (
        <p data-testid="archived-on">
          Candidature archivée le {archived.on}
          {archived.by ? ` par ${archived.by}` : `, automatiquement après ${AUTO_ARCHIVE_AFTER_DAYS} jours sans changement`}. Elle
          n&apos;apparaît que sous «&nbsp;Archivées&nbsp;» dans les candidatures reçues. Tout changement de statut la désarchive.
        </p>
      ) : (
        mayArchive && (
          <p>
            Une candidature close peut être archivée&nbsp;: elle quitte la liste des candidatures actives. Le prescripteur et le candidat
            n&apos;en voient rien.
          </p>
        )
      )}
      {(mayArchive || mayUnarchive) && (
        <button type="button" className="fr-btn fr-btn--secondary" disabled={isPending} onClick={() => run(mayArchive)}>
          {mayArchive ? ARCHIVE.buttonLabel : UNARCHIVE.buttonLabel}
        </button>
      )}
    </section>
  );
}
