/**
 * A link that opens a new window, as the DSFR and the RGAA (6.1) want it: its title repeats the
 * link's text and says so. Spread on an <a> or a DSFR component's linkProps.
 */
export const newWindowLinkProps = (text: string) => ({ target: "_blank", rel: "noopener", title: `${text} — nouvelle fenêtre` });
