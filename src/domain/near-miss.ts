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

/** Optimal string alignment distance between two strings (one flat table, as it runs for every command). */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let j = 0; j <= b.length; j++) table[j] = j;
  for (let i = 1; i <= a.length; i++) {
    table[i * width] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (table[(i - 1) * width + j] as number) + 1,
        (table[i * width + j - 1] as number) + 1,
        (table[(i - 1) * width + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (table[(i - 2) * width + j - 2] as number) + 1);
      table[i * width + j] = best;
    }
  }
  return table[a.length * width + b.length] as number;
}
