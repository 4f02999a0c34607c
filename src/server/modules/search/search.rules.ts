import { creditCodeOf, phoneFragmentOf, searchTermOf } from '../../platform/search/search-keys.rules.js';

/** What one search box query can match: search keys (name, pinyin), a phone fragment, a credit code. */
export interface SearchPlan {
  /** lower-case, without spaces: compared with search_text (name, pinyin initials, full pinyin) */
  term: string | null;
  /** ≥ 4 digits, compared with the normalised phone numbers */
  phoneDigits: string | null;
  creditCode: string | null;
}

/** Reads a search box query; a query of only punctuation matches nothing. */
export function planSearch(query: string): SearchPlan {
  const term = searchTermOf(query);
  return { term: term === '' ? null : term, phoneDigits: phoneFragmentOf(query), creditCode: creditCodeOf(query) };
}
