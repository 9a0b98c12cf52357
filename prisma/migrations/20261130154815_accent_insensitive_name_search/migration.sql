-- The candidate-name search ignores accents: "ines" finds "Inès", "chérif" finds "Cherif".

-- unaccent ships with PostgreSQL's contrib and with PGlite (loaded in prisma/embedded.ts).
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- unaccent(text) is only STABLE (it finds its dictionary through search_path), which an index
-- expression may not use; naming the dictionary makes the result depend on the text alone.
CREATE OR REPLACE FUNCTION immutable_unaccent(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, value) $$;

-- DropIndex
DROP INDEX "CandidateProfile_firstName_trgm_idx";

-- DropIndex
DROP INDEX "CandidateProfile_lastName_trgm_idx";

-- One trigram index on both names, accents removed, for ILIKE '%word%' (lib/applications/name-search.ts
-- repeats this expression exactly). A searched word holds no space, so it lies within the first
-- name or within the last name: one index scan per word instead of two ORed. Prisma cannot
-- declare an index on an expression: it lives here only (schema.prisma says so).
CREATE INDEX IF NOT EXISTS "CandidateProfile_name_search_idx" ON "CandidateProfile"
  USING GIN (immutable_unaccent("firstName" || ' ' || "lastName") gin_trgm_ops);
