import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The app's links: next/link, without prefetching unless a link asks for it (issue 12). Every page
 * here is dynamic and per person, so a prefetch fetches nothing a click could reuse, yet each link
 * in view cost the server a request: one view of "Candidatures reçues" made 16 of them (the
 * header's menu, twice, and the list's own counters and views), 3 to 11 ms of server CPU each, and
 * all again after every decision. Navigation stays client-side: a click fetches the page then.
 * The DSFR's components (header, footer) get it too, through the provider (components/dsfr).
 */
export function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}

export default Link;
