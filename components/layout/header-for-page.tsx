"use client";
import type { ReactNode } from "react";
import { usePathname } from "next/navigation";
import { ROUTES } from "@/lib/routes";

/**
 * Shows the candidate's header on their status page, the professionals' one everywhere else. Both
 * are rendered on the server; the choice is made here because the root layout that holds the
 * header is not rendered again when a link leads from one page to another, the pathname is.
 */
export function HeaderForPage({ candidate, professional }: { candidate: ReactNode; professional: ReactNode }) {
  return usePathname().startsWith(ROUTES.candidateStatusPrefix) ? candidate : professional;
}
