import { ButtonsGroup } from "@codegouvfr/react-dsfr/ButtonsGroup";
import type { ButtonProps } from "@codegouvfr/react-dsfr/Button";
import { listHref, type ListFilters } from "@/lib/applications/list-filters";

/**
 * Keyset page links of both list screens; every link keeps the filters (DESIGN §7).
 * DSFR's ButtonsGroup, not a hand-written `fr-btns-group`: in a group without an icon position
 * (`fr-btns-group--icon-left`), the DSFR draws every button with an icon as an icon-only button
 * (2.5rem wide, label cut), whatever the button's own `fr-btn--icon-right` says. The component
 * always sets the group's icon position.
 */
export function ListPagination({
  basePath,
  filters,
  nextCursor,
  previousCursor,
}: {
  basePath: string;
  filters: ListFilters;
  nextCursor: string | null;
  previousCursor: string | null;
}) {
  const pageOne = { ...filters, after: undefined, before: undefined };
  const isPaged = Boolean(filters.after || filters.before);
  const buttons: ButtonProps[] = [];
  if (isPaged) buttons.push({ children: "Première page", priority: "tertiary", linkProps: { href: listHref(basePath, pageOne) } });
  if (previousCursor) {
    buttons.push({
      children: "Page précédente",
      priority: "secondary",
      iconId: "fr-icon-arrow-left-line",
      iconPosition: "left",
      linkProps: { href: listHref(basePath, { ...pageOne, before: previousCursor }) },
    });
  }
  if (nextCursor) {
    buttons.push({
      children: "Page suivante",
      priority: "secondary",
      iconId: "fr-icon-arrow-right-line",
      iconPosition: "right",
      linkProps: { href: listHref(basePath, { ...pageOne, after: nextCursor }) },
    });
  }
  const [first, ...others] = buttons;
  if (!first) return null;
  return (
    <nav aria-label="Pages de résultats" className="fr-mt-3w">
      <ButtonsGroup inlineLayoutWhen="md and up" buttonsIconPosition="left" buttons={[first, ...others]} />
    </nav>
  );
}
