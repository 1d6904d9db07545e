// The grader's batch of host commands in one shell: each result is its own command's, whatever it printed.
import { describe, expect, it } from 'vitest';
import { runBatch } from '@/grader/sandbox-view';

describe('runBatch', () => {
  it('keeps each command its exit code and output, with input, quoting and output without a final newline', async () => {
    const { results } = await runBatch([
      { argv: ['cat'], input: 'addr show\nroute show\n' },
      { argv: ['printf', '%s', "it's 'quoted' $HOME"] },
      { argv: ['sh', '-c', 'echo partial; exit 3'] },
      { argv: ['true'] },
    ]);
    expect(results).toEqual([
      { code: 0, stdout: 'addr show\nroute show\n' },
      { code: 0, stdout: "it's 'quoted' $HOME" },
      { code: 3, stdout: 'partial\n' },
      { code: 0, stdout: '' },
    ]);
  });

  it("reports what failed on stderr, and a batch cut short by its timeout as not run", async () => {
    const { results, stderr } = await runBatch(
      [
        { argv: ['ls', '/no/such/path'] },
        { argv: ['sleep', '5'] },
        { argv: ['true'] },
      ],
      500,
    );
    expect(results[0]!.code).not.toBe(0);
    expect(stderr).toMatch(/no\/such\/path/);
    expect(results.slice(1).map((r) => r.code)).toEqual([124, 124]);
  });
});
