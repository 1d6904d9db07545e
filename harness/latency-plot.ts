// The load report's plot: latency (p99) against the number of learners, one line per figure, as SVG.
type Run = {
  learners: number;
  verdict_ms: { p99: number | null };
  keystroke_rtt_ms: { p99: number | null };
  ready_ms: { p99: number | null };
  event_loop_lag_ms: { p99: number | null };
};

const SERIES: { name: string; color: string; pick: (r: Run) => number | null }[] = [
  { name: 'verdict p99 (ms)', color: '#c0392b', pick: (r) => r.verdict_ms.p99 },
  { name: 'keystroke p99 (ms)', color: '#2471a3', pick: (r) => r.keystroke_rtt_ms.p99 },
  { name: 'event loop lag p99 (ms)', color: '#7d3c98', pick: (r) => r.event_loop_lag_ms.p99 },
  { name: 'ready p99 (ms)', color: '#1e8449', pick: (r) => r.ready_ms.p99 },
];

const W = 720;
const H = 420;
const M = { left: 70, right: 200, top: 30, bottom: 50 };

export function latencyPlot(runs: Run[]): string {
  const xs = runs.map((r) => r.learners);
  const values = runs.flatMap((r) => SERIES.map((s) => s.pick(r) ?? 0));
  const xMax = Math.max(1, ...xs);
  const yMax = Math.max(1, ...values) * 1.1;
  const x = (v: number) => M.left + (v / xMax) * (W - M.left - M.right);
  // A log scale keeps keystrokes (tens of ms) and sandbox starts (seconds) readable on one plot.
  const y = (v: number) => H - M.bottom - (Math.log10(1 + v) / Math.log10(1 + yMax)) * (H - M.top - M.bottom);
  const ticks = [1, 10, 100, 1000, 10000, 100000].filter((t) => t <= yMax);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${M.left}" y="18" font-size="14">NetLab load: latency (p99) against active learners</text>`,
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="black"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="black"/>`,
    `<text x="${(M.left + W - M.right) / 2}" y="${H - 12}" text-anchor="middle">learners</text>`,
    ...ticks.map((t) => `<text x="${M.left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text><line x1="${M.left}" y1="${y(t)}" x2="${W - M.right}" y2="${y(t)}" stroke="#ddd"/>`),
    ...xs.map((v) => `<text x="${x(v)}" y="${H - M.bottom + 16}" text-anchor="middle">${v}</text>`),
  ];
  SERIES.forEach((s, i) => {
    const points = runs.flatMap((r) => {
      const v = s.pick(r);
      return v === null ? [] : [`${x(r.learners).toFixed(1)},${y(v).toFixed(1)}`];
    });
    if (points.length) parts.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${points.join(' ')}"/>`);
    for (const p of points) parts.push(`<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="3" fill="${s.color}"/>`);
    parts.push(`<rect x="${W - M.right + 15}" y="${M.top + i * 20}" width="12" height="3" fill="${s.color}"/><text x="${W - M.right + 32}" y="${M.top + i * 20 + 5}">${s.name}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
