// Edit distances and similarities between strings for `string::distance::*` and
// `string::similarity::*`, computed on Unicode characters as the `strsim` crate SurrealDB uses.

const chars = (text: string): string[] => [...text];

/** An edit matrix for `a` against `b` with its first row and column (the costs from empty) filled in. */
function editMatrix(a: readonly string[], b: readonly string[]): number[][] {
  return Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
}

export function levenshtein(left: string, right: string): number {
  return optimalStringAlignment(left, right, { transpositions: false });
}

/** Levenshtein with adjacent transpositions, each substring edited at most once (strsim's `osa_distance`). */
export function optimalStringAlignment(left: string, right: string, options = { transpositions: true }): number {
  const [a, b] = [chars(left), chars(right)];
  const d = editMatrix(a, b);
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] ?? [];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((d[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (options.transpositions && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (d[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row[j] = best;
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

/** The true Damerau–Levenshtein distance (transpositions may be edited further). */
export function damerauLevenshtein(left: string, right: string): number {
  const [a, b] = [chars(left), chars(right)];
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const infinity = a.length + b.length;
  const width = b.length + 2;
  const d = new Array<number>((a.length + 2) * width).fill(0);
  const at = (i: number, j: number) => i * width + j;
  d[at(0, 0)] = infinity;
  for (let i = 0; i <= a.length; i++) {
    d[at(i + 1, 0)] = infinity;
    d[at(i + 1, 1)] = i;
  }
  for (let j = 0; j <= b.length; j++) {
    d[at(0, j + 1)] = infinity;
    d[at(1, j + 1)] = j;
  }
  const lastRow = new Map<string, number>();
  for (let i = 1; i <= a.length; i++) {
    let lastMatchColumn = 0;
    for (let j = 1; j <= b.length; j++) {
      const k = lastRow.get(b[j - 1] ?? "") ?? 0;
      const same = a[i - 1] === b[j - 1];
      const substitution = (d[at(i, j)] ?? 0) + (same ? 0 : 1);
      const insertion = (d[at(i + 1, j)] ?? 0) + 1;
      const deletion = (d[at(i, j + 1)] ?? 0) + 1;
      const transposition = (d[at(k, lastMatchColumn)] ?? 0) + (i - k - 1) + 1 + (j - lastMatchColumn - 1);
      d[at(i + 1, j + 1)] = Math.min(substitution, insertion, deletion, transposition);
      if (same) lastMatchColumn = j;
    }
    lastRow.set(a[i - 1] ?? "", i);
  }
  return d[at(a.length + 1, b.length + 1)] ?? 0;
}

/** 1 − distance / longer length; 1 for two empty strings. */
export function normalized(distance: (a: string, b: string) => number, left: string, right: string): number {
  const longest = Math.max(chars(left).length, chars(right).length);
  return longest === 0 ? 1 : 1 - distance(left, right) / longest;
}

/** Positions that differ between equally long strings; undefined when the lengths differ. */
export function hamming(left: string, right: string): number | undefined {
  const [a, b] = [chars(left), chars(right)];
  if (a.length !== b.length) return undefined;
  return a.reduce((count, character, i) => count + (character === b[i] ? 0 : 1), 0);
}

export function jaro(left: string, right: string): number {
  const [a, b] = [chars(left), chars(right)];
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const [aMatched, bMatched] = [a.map(() => false), b.map(() => false)];
  let matches = 0;
  a.forEach((character, i) => {
    const end = Math.min(b.length, i + window + 1);
    for (let j = Math.max(0, i - window); j < end; j++) {
      if (!bMatched[j] && b[j] === character) {
        aMatched[i] = bMatched[j] = true;
        matches++;
        break;
      }
    }
  });
  if (matches === 0) return 0;
  const aOrder = a.filter((_, i) => aMatched[i]);
  const bOrder = b.filter((_, j) => bMatched[j]);
  const transpositions = Math.floor(aOrder.filter((character, i) => character !== bOrder[i]).length / 2);
  return (matches / a.length + matches / b.length + (matches - transpositions) / matches) / 3;
}

/** Jaro, raised for a shared prefix of up to 4 characters when above 0.7. */
export function jaroWinkler(left: string, right: string): number {
  const similarity = jaro(left, right);
  if (similarity <= 0.7) return similarity;
  const [a, b] = [chars(left), chars(right)];
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && a[prefix] === b[prefix]) prefix++;
  return similarity + 0.1 * prefix * (1 - similarity);
}

/** Sørensen–Dice over character bigrams, white space removed (strsim measures lengths in bytes). */
export function sorensenDice(left: string, right: string): number {
  const [a, b] = [left.replace(/\p{White_Space}/gu, ""), right.replace(/\p{White_Space}/gu, "")];
  if (a === b) return 1;
  const [aBytes, bBytes] = [Buffer.byteLength(a, "utf8"), Buffer.byteLength(b, "utf8")];
  if (aBytes < 2 || bBytes < 2) return 0;
  const bigrams = (text: string) => {
    const characters = chars(text);
    return characters.slice(1).map((character, i) => `${characters[i]}${character}`);
  };
  const pending = new Map<string, number>();
  for (const bigram of bigrams(a)) pending.set(bigram, (pending.get(bigram) ?? 0) + 1);
  let shared = 0;
  for (const bigram of bigrams(b)) {
    const left = pending.get(bigram) ?? 0;
    if (left > 0) {
      pending.set(bigram, left - 1);
      shared++;
    }
  }
  return (2 * shared) / (aBytes + bBytes - 2);
}
