"use client";
import { useEffect } from "react";
import { Alert } from "@codegouvfr/react-dsfr/Alert";

/**
 * "Saved" after the job form, read from the address (`?enregistree=`), then dropped from it: said
 * once, not again on a reload or after the next action on the page, which renders the address
 * anew. Next's router follows history.replaceState.
 */
export function SavedNotice({ message, param }: { message: string; param: string }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.delete(param);
    window.history.replaceState(null, "", url);
  }, [param]);
  return <Alert severity="success" small description={message} className="fr-mb-3w" />;
}
