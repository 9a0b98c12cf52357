import type { ApplicationStatus } from "@/lib/status";

/**
 * DSFR illustrative colours (the "action-high" shades: 3:1 or more against white and against each
 * other's white separators), through the DSFR's CSS variables so that the dark theme follows.
 */
export const STATUS_CHART_COLORS: Record<ApplicationStatus, string> = {
  NEW: "var(--background-action-high-blue-france)",
  PROCESSING: "var(--background-action-high-blue-cumulus)",
  POSTPONED: "var(--background-action-high-yellow-moutarde)",
  ACCEPTED: "var(--background-action-high-green-emeraude)",
  REFUSED: "var(--background-action-high-error)",
  CANCELLED: "var(--background-action-high-purple-glycine)",
  OBSOLETE: "var(--background-action-high-grey)",
};

export const BAR_COLOR = "var(--background-action-high-blue-france)";
