import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * A record of the person (CandidateProfile aliased `profile`) whose names contain every word, case
 * and accents aside: "ines" finds "Inès", "chérif" finds "Cherif", "oe" finds "Œ". The left side is
 * the expression of the trigram index "CandidateProfile_name_search_idx" (migration
 * 20261130154815_accent_insensitive_name_search): PostgreSQL uses the index for that exact
 * expression only. A word holds no space, so it is found within one of the two names, as before.
 */
export function candidateNameMatchesSql(profile: Prisma.Sql, words: readonly string[]): Prisma.Sql {
  const name = Prisma.sql`${profile}."firstName" || ' ' || ${profile}."lastName"`;
  return Prisma.join(
    words.map((word) => containsUnaccentedSql(name, word)),
    " AND ",
  );
}

/**
 * `text` contains `word`, case and accents aside. The other searches (filter choices, employers)
 * read a few thousand rows at most, without an index; the candidate names above have theirs.
 */
export function containsUnaccentedSql(text: Prisma.Sql, word: string): Prisma.Sql {
  return Prisma.sql`immutable_unaccent(${text}) ILIKE ${unaccentedContainingSql(word)}`;
}

/**
 * `%word%` for ILIKE, the word unaccented by the same dictionary as the names, in SQL, then its
 * % _ and \ escaped: after, since unaccent turns the full-width ％ ＿ ＼ into wildcards.
 */
function unaccentedContainingSql(word: string): Prisma.Sql {
  return Prisma.sql`'%' || replace(replace(replace(immutable_unaccent(${word}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`;
}
