/**
 * Finds the candidate a misspelt word most likely meant: the one with the
 * smallest edit distance, if that distance is small for the word's length.
 * A word without `/` also matches a candidate's part after the `/`, so
 * `counter-suffix` finds `naming/counter-suffix`.
 */
export function findClosestMatch(word: string, candidates: readonly string[]): string | undefined {
  const bareMatches = word.includes('/') ? [] : candidates.filter((candidate) => candidate.slice(candidate.indexOf('/') + 1) === word);
  if (bareMatches.length === 1) return bareMatches[0];

  const maxDistance = Math.max(2, Math.floor(word.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : undefined;
}

/** Levenshtein distance: the fewest insertions, deletions and substitutions that turn `left` into `right`. */
export function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const substitution = previous[j - 1]! + (left[i - 1] === right[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[right.length]!;
}
