"use client";
import { useRouter } from "next/navigation";
import { useCallback, type MouseEvent } from "react";

/**
 * Client-side navigation for the plain `<a href>` links of a long table: one click handler on the
 * table instead of a next/link per row (issue 12). Each next/link runs its hooks on the server on
 * every view (20 to 40 per list page, about 5 % of a list's CPU) and sets up an observer in the
 * browser at hydration, for nothing: prefetching is off (components/link.tsx). The browser keeps
 * the clicks it should handle: a modifier key or another button (new tab), a target, a download,
 * another origin, or a click a link inside already took.
 */
export function useAnchorNavigation() {
  const router = useRouter();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = event.target instanceof Element ? event.target.closest("a") : null;
      if (!anchor?.href || !event.currentTarget.contains(anchor) || anchor.hasAttribute("download")) return;
      if (anchor.target && anchor.target !== "_self") return;
      const url = new URL(anchor.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      router.push(`${url.pathname}${url.search}${url.hash}`);
    },
    [router],
  );
}
