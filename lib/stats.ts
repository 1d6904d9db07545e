// Figures as the bench, the load tool and the status page report them.

/** To one decimal. */
export const round = (n: number) => Math.round(n * 10) / 10;

/** The p-th percentile (nearest rank), to one decimal; null when there are no samples. */
export function percentile(samples: number[], p: number): number | null {
  if (!samples.length) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
}
