/**
 * Tokens for the quick-search index (dispute_search, FTS5 with the plain unicode61 tokenizer).
 *
 * FTS5's trigram tokenizer finds nothing for 1–2 character terms (docs/architecture.md, "Measured facts"),
 * and most Chinese given names (刘伟) and many terms (宅基) are 2 characters. So we tokenize in JS: every run of letters/digits
 * becomes its overlapping character bigrams, in order, followed by the run's last character alone.
 * A term of n ≥ 2 characters is then the phrase of its n−1 bigrams (consecutive positions ⇔ adjacent
 * characters, so 3+ character terms match exact substrings); a 1-character term is a prefix query
 * (any bigram starting with it, or a run ending in it). The unigram after each run also keeps one run's
 * last bigram from being adjacent to the next run's first, so a phrase never spans two runs.
 */

const RUN = /[\p{L}\p{N}]+/gu;

function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function runsOf(text: string): string[][] {
  return Array.from(normalise(text).matchAll(RUN), (m) => Array.from(m[0]));
}

/** The space-separated token string stored for one case (all its searchable fields). */
export function indexTokens(fields: ReadonlyArray<string | null | undefined>): string {
  const out: string[] = [];
  for (const field of fields) {
    if (!field) continue;
    for (const chars of runsOf(field)) {
      for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
      out.push(chars[chars.length - 1]!);
    }
  }
  return out.join(' ');
}

/**
 * The FTS5 MATCH expression for what the user typed, or null when it holds nothing searchable.
 * Several runs (刘伟 宅基) must all match (AND). Tokens are letters/digits only, so quoting is safe.
 */
export function matchExpression(query: string, opts: { masked?: boolean } = {}): string | null {
  const parts: string[] = [];
  for (const chars of runsOf(query)) {
    if (chars.length === 1) {
      parts.push(`"${chars[0]}"*`);
    } else {
      const bigrams: string[] = [];
      for (let i = 0; i + 1 < chars.length; i++) bigrams.push(chars[i]! + chars[i + 1]!);
      parts.push(`"${bigrams.join(' ')}"`);
    }
  }
  if (parts.length === 0) return null;
  // A caller who sees party names masked searches only the `open` column: the rest of the case and the
  // names as masked (a full name typed matches nothing, so the search cannot confirm it).
  return opts.masked ? `{open} : (${parts.join(' AND ')})` : parts.join(' AND ');
}
