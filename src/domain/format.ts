const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Numbers as people read them in messages: "100,000", "0.01", "12.5". */
export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value);
}
