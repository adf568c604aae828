/**
 * Typos of a command's words: "exprot" for "export". A swap of two neighbouring letters counts as one edit,
 * as do a letter added, dropped or changed (optimal string alignment distance).
 */

/** The name whose words the text starts with, give or take one edit; undefined for exact or distant text. */
export function nearMiss(text: string, names: readonly string[]): string | undefined {
  const words = text.toLowerCase().trim().split(/\s+/);
  return names.find((name) => {
    const start = words.slice(0, name.split(' ').length).join(' ');
    // The exact words followed by more are a title ("Export pipeline rewrite"), not a typo.
    // Lengths two apart are two edits at least: most titles need no table of distances.
    return start !== name && Math.abs(start.length - name.length) <= 1 && editDistance(start, name) <= 1;
  });
}

/** Optimal string alignment distance between two strings. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, at(i - 2, j - 2) + 1);
      const row = rows[i];
      if (row) row[j] = best;
    }
  }
  return at(a.length, b.length);
}
