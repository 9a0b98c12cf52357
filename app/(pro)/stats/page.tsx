import type { Metadata } from "next";
import { requireMember } from "@/lib/auth/guards";
import { isPrescriber } from "@/lib/access";
import { organizationStats } from "@/lib/stats/queries";
import { parsePeriod, periodChoices } from "@/lib/stats/period";
import { formatCount, formatCountOf, formatDays, formatRate } from "@/lib/stats/format";
import { APPLICATION_STATUSES, REFUSAL_REASON_LABELS, STATUS_LABELS } from "@/lib/status";
import { personName } from "@/lib/people";
import { ROUTES } from "@/lib/routes";
import { StackedBarChart } from "@/components/stats/stacked-bar-chart";
import { HorizontalBars } from "@/components/stats/horizontal-bars";
import { DataTable } from "@/components/stats/data-table";
import "@/components/stats/stats-charts.css";

export const metadata: Metadata = { title: "Statistiques" };

const PERIOD_GROUPS = [
  ["month", "Mois"],
  ["quarter", "Trimestres"],
  ["year", "Années"],
] as const;

export default async function StatsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const member = await requireMember();
  const period = parsePeriod((await searchParams).periode);
  const stats = await organizationStats(member, period);
  const choices = periodChoices();
  const prescriber = isPrescriber(member);
  const organization = member.organization.organizationName;
  const sent = prescriber ? "envoyées" : "reçues";

  const figures = [
    { label: `Candidatures ${sent}`, value: formatCount(stats.total) },
    {
      label: "Taux d'acceptation",
      value: formatRate(stats.accepted, stats.total),
      hint: formatCountOf(stats.accepted, "acceptée", "acceptées"),
    },
    {
      label: "Délai médian de première réponse",
      value: formatDays(stats.firstAnswerDays),
      hint: `sur ${formatCountOf(stats.answered, "candidature étudiée ou décidée", "candidatures étudiées ou décidées")}`,
    },
    {
      label: "Délai médian de décision",
      value: formatDays(stats.decisionDays),
      hint: `sur ${formatCountOf(stats.decided, "candidature acceptée ou déclinée", "candidatures acceptées ou déclinées")} par l'employeur`,
    },
  ];
  const busiest = stats.months.reduce(
    (best, month) => {
      const total = APPLICATION_STATUSES.reduce((sum, status) => sum + month.counts[status], 0);
      return total > best.total ? { label: month.label, total } : best;
    },
    { label: "", total: 0 },
  );
  // The chart stops at the current month: a month to come has nothing to draw, and the chart opens
  // on its last months on a phone (stats-charts.css). Its table keeps every month of the period.
  const currentMonth = choices.month[0]!.key;
  const chartMonths = stats.months.filter((month) => month.month <= currentMonth);
  const monthSummary =
    stats.total === 0
      ? `Aucune candidature ${sent.slice(0, -1)} sur la période.`
      : `Candidatures ${sent} par mois et par statut, ${period.label}\u00a0: ${formatCount(stats.total)} au total, ${formatCount(busiest.total)} au plus en ${busiest.label}. Les chiffres sont dans le tableau qui suit.`;

  // Mid-sentence: « année 2026 », as month names are written.
  const periodInSentence = period.label.charAt(0).toLowerCase() + period.label.slice(1);
  return (
    <>
      <h1 className="fr-mb-1w">Statistiques</h1>
      <p>
        Les candidatures {sent} par {organization}, d&apos;après leur date d&apos;envoi&nbsp;: {periodInSentence}.
      </p>

      <form method="get" action={ROUTES.stats} className="fr-grid-row fr-grid-row--bottom fr-grid-row--gutters fr-mb-3w">
        <div className="fr-col-12 fr-col-sm-6 fr-col-md-4">
          <div className="fr-select-group fr-mb-0">
            <label className="fr-label" htmlFor="stats-period">
              Période
            </label>
            <select className="fr-select" id="stats-period" name="periode" defaultValue={period.key}>
              {PERIOD_GROUPS.map(([kind, label]) => (
                <optgroup key={kind} label={label}>
                  {choices[kind].map((choice) => (
                    <option key={choice.key} value={choice.key}>
                      {choice.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        </div>
        <div className="fr-col-auto">
          <button type="submit" className="fr-btn">
            Afficher
          </button>
        </div>
      </form>

      <h2 className="fr-h4">Chiffres clés</h2>
      <ul className="fr-grid-row fr-grid-row--gutters fr-mb-3w fr-raw-list">
        {figures.map((figure) => (
          <li key={figure.label} className="fr-col-12 fr-col-sm-6 fr-col-lg-3">
            <div className="fr-tile fr-tile--no-icon fr-tile--sm">
              <div className="fr-tile__body">
                <div className="fr-tile__content">
                  <p className="fr-tile__title">{figure.value}</p>
                  <p className="fr-tile__desc">{figure.label}</p>
                  {figure.hint && <p className="fr-tile__detail">{figure.hint}</p>}
                </div>
              </div>
            </div>
          </li>
        ))}
      </ul>

      <section aria-labelledby="stats-months">
        <h2 id="stats-months" className="fr-h4">
          Candidatures {sent} par mois et par statut
        </h2>
        <StackedBarChart months={chartMonths} summary={monthSummary} />
        <DataTable
          caption={`Candidatures ${sent} par mois et par statut, ${period.label}`}
          headers={["Mois", ...APPLICATION_STATUSES.map((status) => STATUS_LABELS[status]), "Total"]}
          rows={stats.months.map((month) => [
            month.label,
            ...APPLICATION_STATUSES.map((status) => formatCount(month.counts[status])),
            formatCount(APPLICATION_STATUSES.reduce((sum, status) => sum + month.counts[status], 0)),
          ])}
        />
      </section>

      <section aria-labelledby="stats-reasons">
        <h2 id="stats-reasons" className="fr-h4">
          Motifs de refus {prescriber ? "reçus" : "donnés"}
        </h2>
        {stats.refusalReasons.length === 0 ? (
          <p>Aucune candidature déclinée sur la période.</p>
        ) : (
          <>
            <HorizontalBars items={stats.refusalReasons.map((row) => ({ label: REFUSAL_REASON_LABELS[row.reason], value: row.count }))} />
            <DataTable
              caption={`Motifs de refus ${prescriber ? "reçus" : "donnés"}, ${period.label}`}
              headers={["Motif", "Candidatures déclinées"]}
              rows={stats.refusalReasons.map((row) => [REFUSAL_REASON_LABELS[row.reason], formatCount(row.count)])}
            />
          </>
        )}
      </section>

      <section aria-labelledby="stats-members">
        <h2 id="stats-members" className="fr-h4">
          {prescriber ? "Par conseiller" : "Par personne en charge"}
        </h2>
        {stats.members.length === 0 ? (
          <p>{prescriber ? "Aucune candidature envoyée sur la période." : "Aucune candidature prise en charge sur la période."}</p>
        ) : (
          <DataTable
            caption={`${prescriber ? "Candidatures envoyées par conseiller" : "Candidatures par personne en charge"}, ${period.label}`}
            headers={[
              prescriber ? "Conseiller" : "Personne en charge",
              "Candidatures",
              "Acceptées",
              "Déclinées",
              "En attente de réponse",
              "Délai médian de première réponse",
            ]}
            rows={stats.members.map((row) => [
              personName(row),
              formatCount(row.total),
              formatCount(row.accepted),
              formatCount(row.refused),
              formatCount(row.pending),
              formatDays(row.firstAnswerDays),
            ])}
          />
        )}
      </section>
    </>
  );
}
