"use client";
import { useEffect } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";

/**
 * "Saved" after the job form, read from the address (`?enregistree=`), then dropped from it: said
 * once, not again on a reload or after the next action on the page, which renders the address
 * anew. Next's router follows history.replaceState.
 */
export function SavedNotice({ message, severity = "success", param }: { message: string; severity?: "success" | "info"; param: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete(param);
    window.history.replaceState(null, "", url);
  }, [param]);
  return <Alert severity={severity} small description={message} className="fr-mb-3w" />;
}
