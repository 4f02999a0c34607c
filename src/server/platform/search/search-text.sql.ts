import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** LIKE's own wildcards escaped, so a user's `%` or `_` matches itself. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** `%fragment%` for LIKE, with LIKE's own wildcards escaped. */
export const containsPattern = (fragment: string) => `%${escapeLike(fragment)}%`;

/**
 * `search_text` (searchKeysFor) contains the term. Terms of three characters or more are served by the
 * trigram index; a trigram index cannot serve two characters, and two Chinese characters (中科, 张伟)
 * are the most common query there is, so those go through the bigram index on the same keys
 * (`kairos_name_bigrams`, migration 0009: the two-character pieces holding a non-ASCII character).
 * Both forms find exactly the same rows.
 */
export function searchTextContains(column: AnyColumn, term: string): SQL {
  const chars = [...term];
  if (chars.length === 2 && chars.some((ch) => ch.codePointAt(0)! > 0x7f)) {
    return sql`kairos_name_bigrams(${column}) @> ARRAY[${term}]::text[]`;
  }
  return sql`${column} LIKE ${containsPattern(term)}`;
}
