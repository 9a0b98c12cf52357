"use client";
import { useEffect, useEffectEvent, useState } from "react";
import type { SearchResult } from "@/lib/applications/send-validation";

const SEARCH_FAILED = "La recherche n'a pas abouti. Réessayez dans un instant.";

/**
 * Runs a server search a moment after the user stops typing. Results are kept with the key they
 * answer, so a slow, stale answer never shows under a newer query.
 */
export function useDebouncedSearch<T>(key: string, enabled: boolean, run: () => Promise<SearchResult<T>>, delayMs = 250) {
  const [settled, setSettled] = useState<{ key: string; result: SearchResult<T> } | null>(null);
  const search = useEffectEvent(run);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      search()
        .catch((): SearchResult<T> => ({ ok: false, error: SEARCH_FAILED }))
        .then((result) => {
          if (!cancelled) setSettled({ key, result });
        });
    }, delayMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [key, enabled, delayMs]);

  const current = enabled && settled?.key === key ? settled.result : null;
  return {
    loading: enabled && !current,
    results: current?.ok ? current.results : [],
    error: current && !current.ok ? current.error : null,
    done: current !== null,
  };
}
