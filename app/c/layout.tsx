import type { ReactNode } from "react";
import "./candidate.css";

/** The candidate's pages (the status link of their e-mails): marked for candidate.css. */
export default function CandidateLayout({ children }: { children: ReactNode }) {
  return <div data-audience="candidate">{children}</div>;
}
