// The shape of `npm run load`'s JSON: checked by the load tool before it prints, and by the test suite,
// which runs a small class and requires zero errors (timings are this machine's, not a test's).
import { z } from 'zod';

const ms = z.number().nonnegative().nullable();
const Percentiles = z.object({ p50: ms, p99: ms });

export const LoadRun = z.object({
  learners: z.number().int().positive(),
  ready_ms: Percentiles,
  verdict_ms: Percentiles.extend({ samples: z.number().int().nonnegative() }),
  keystroke_rtt_ms: Percentiles.extend({ samples: z.number().int().nonnegative() }),
  event_loop_lag_ms: z.object({ p99: ms }),
  server_rss_mib: ms,
  memory_per_sandbox_mib: z.number().nullable(),
  errors: z.object({ count: z.number().int().nonnegative(), first: z.array(z.string()) }),
  held: z.boolean(),
});

export const LoadReport = z.object({
  lesson: z.string(),
  minutes: z.number().positive(),
  /** Whether the server had a warm sandbox for every learner before the class arrived (--warm). */
  warm: z.boolean(),
  criteria: z.object({ verdict_p99_ms: z.number(), keystroke_p99_ms: z.number(), errors: z.literal(0) }),
  runs: z.array(LoadRun).min(1),
  largest_class_held: z.number().int().nonnegative(),
});
export type LoadReport = z.infer<typeof LoadReport>;

/** What is wrong with a report for the suite: not its shape, a run with errors, or a run with no verdicts. */
export function loadReportProblems(report: unknown): string[] {
  const parsed = LoadReport.safeParse(report);
  if (!parsed.success) return [`the report does not have the expected shape: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`];
  return parsed.data.runs.flatMap((r) => [
    ...(r.errors.count ? [`${r.learners} learners: ${r.errors.count} errors, e.g. ${r.errors.first[0]}`] : []),
    ...(r.verdict_ms.samples === 0 ? [`${r.learners} learners: no verdict was measured`] : []),
    ...(r.keystroke_rtt_ms.samples === 0 ? [`${r.learners} learners: no keystroke was measured`] : []),
  ]);
}
