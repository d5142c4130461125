/** Tokens of a text for the edit distance: words and single punctuation marks ("x = 3," → x, =, 3, ","). */
export function toTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu) ?? [];
}

/** Longest token sequence compared: keeps one item's cost bounded (a 512-token generation against a short target). */
export const MAX_TOKENS = 256;

const cutTokens = (text: string) => toTokens(text.trim()).slice(0, MAX_TOKENS);

/**
 * cutTokens with a memory: an item's target is the same under every model, so a
 * family's items are tokenised once per distinct text.
 */
export function memoTokens(): (text: string) => string[] {
  const seen = new Map<string, string[]>();
  return (text) => {
    let tokens = seen.get(text);
    if (!tokens) {
      tokens = cutTokens(text);
      seen.set(text, tokens);
    }
    return tokens;
  };
}

/** Levenshtein distance between two token sequences (insert, delete, substitute: 1 each), in O(|a|·|b|) time and O(|b|) memory. */
export function levenshtein(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = new Uint32Array(b.length + 1).map((_, j) => j);
  let current = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(substitute, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/**
 * The token edit distance of a response from its target (Schaeffer et al. 2023 use
 * it as the continuous twin of exact match), normalised by the longer of the two
 * so that it lies in [0, 1]: 0 = the target exactly, 1 = nothing in common. Both
 * are cut to MAX_TOKENS first. Null when either is missing: no text, no score.
 * Lower is better.
 */
export function tokenEditDistance(target: string | null, response: string | null, tokensOf: (text: string) => string[] = cutTokens): number | null {
  if (target === null || response === null) return null;
  const t = tokensOf(target);
  const r = tokensOf(response);
  const longer = Math.max(t.length, r.length);
  return longer === 0 ? 0 : levenshtein(t, r) / longer;
}
