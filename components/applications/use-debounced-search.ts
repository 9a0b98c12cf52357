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

/** What a picker says under its search field (role="status", so screen readers hear it). */
export function searchStatusMessage(
  search: ReturnType<typeof useDebouncedSearch<unknown>>,
  enabled: boolean,
  messages: { idle: string; none: string; found: (count: number) => string },
): string {
  if (!enabled) return messages.idle;
  if (search.loading) return "Recherche en cours…";
  if (search.error) return search.error;
  return search.results.length === 0 ? messages.none : messages.found(search.results.length);
}

/**
 * The results, with the item already chosen kept first when a new search no longer lists it, and
 * shown as last read where it is listed (an employer is read again after a refused send: its
 * closed job must leave its « Recrute : … » line too).
 */
export function keepSelected<T extends { id: string }>(selected: T | null, results: T[]): T[] {
  if (!selected) return results;
  if (!results.some((item) => item.id === selected.id)) return [selected, ...results];
  return results.map((item) => (item.id === selected.id ? selected : item));
}
