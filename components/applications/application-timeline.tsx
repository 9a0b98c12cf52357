import type { ApplicationDetailEvent } from "@/lib/applications/detail";
import { EVENT_TITLES, isEventTitled, REFUSAL_REASON_LABELS, STATUS_LABELS, SYSTEM_ACTOR_LABEL } from "@/lib/status";
import { formatCalendarDate, personName } from "@/components/applications/format";

// What happened, in words; unknown names (a future transition) fall back to the new status.
const MOMENT = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/**
 * The history of an application (DESIGN §3): who, when, from → to, and what was written. For
 * professionals only: both sides may read the refusal reason and the private message.
 */
export function ApplicationTimeline({ events }: { events: ApplicationDetailEvent[] }) {
  if (events.length === 0) return <p>Aucun évènement enregistré.</p>;
  return (
    <ol className="fr-raw-list">
      {events.map((event) => {
        const actor = event.actor ? personName(event.actor) : SYSTEM_ACTOR_LABEL;
        const title = isEventTitled(event.transition) ? EVENT_TITLES[event.transition] : STATUS_LABELS[event.toStatus];
        const details: { label: string; value: string }[] = [];
        if (event.refusalReason) details.push({ label: "Motif du refus", value: REFUSAL_REASON_LABELS[event.refusalReason] });
        if (event.hiringStartDate) details.push({ label: "Début du contrat", value: formatCalendarDate(event.hiringStartDate) });
        if (event.hiringEndDate) details.push({ label: "Fin du contrat", value: formatCalendarDate(event.hiringEndDate) });
        if (event.message) {
          details.push({ label: event.transition === "cancel" ? "Motif de l'annulation" : "Message au candidat", value: event.message });
        }
        if (event.privateMessage) details.push({ label: "Message privé au prescripteur", value: event.privateMessage });
        return (
          <li key={event.id} className="fr-pl-2w fr-pb-2w fr-mb-2w" style={{ borderLeft: "4px solid var(--border-default-blue-france)" }}>
            <h3 className="fr-h6 fr-mb-1v">{title}</h3>
            <p className="fr-text--sm fr-mb-1v">
              <time dateTime={event.createdAt.toISOString()}>{MOMENT.format(event.createdAt)}</time> — par {actor}
            </p>
            <p className="fr-text--sm fr-mb-1v">
              {/* A take-over keeps the status: "À l'étude → À l'étude" would read as a change. */}
              {event.fromStatus && event.fromStatus !== event.toStatus ? (
                <>
                  {STATUS_LABELS[event.fromStatus]} <span aria-hidden="true">→</span>
                  <span className="fr-sr-only">devient</span> {STATUS_LABELS[event.toStatus]}
                </>
              ) : (
                STATUS_LABELS[event.toStatus]
              )}
            </p>
            {details.length > 0 && (
              <dl className="fr-text--sm fr-mb-0">
                {details.map((detail) => (
                  <div key={detail.label}>
                    <dt className="fr-text--bold fr-mb-0">{detail.label}</dt>
                    <dd className="fr-ml-0 fr-mb-1v" style={{ whiteSpace: "pre-line" }}>
                      {detail.value}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </li>
        );
      })}
    </ol>
  );
}
