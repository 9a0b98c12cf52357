import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireMember } from "@/lib/auth/guards";
import { env } from "@/lib/env";

// The floor of `npm run bench` (issue 12): the cheapest page a signed-in member can get in the
// app's layout (session and organisation read, a 20-row table, no query of its own), against
// which every screen's latency and throughput are compared. Exists only with BENCH_PAGES=1.
export const metadata: Metadata = { title: "Banc d'essai", robots: { index: false } };
export const dynamic = "force-dynamic";

const ROWS = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, name: `Ligne ${i + 1}`, status: i % 2 ? "Nouvelle" : "À l'étude" }));

export default async function BenchFloorPage() {
  if (!env.benchPagesEnabled) notFound();
  const member = await requireMember();
  return (
    <>
      <h1>Banc d&apos;essai</h1>
      <p>{member.organization.organizationName}</p>
      <div className="fr-table">
        <table>
          <caption>Vingt lignes</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Statut</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.id}>
                <td>{row.name}</td>
                <td>{row.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
