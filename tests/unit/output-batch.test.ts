// Terminal output is sent in batches: a piece after a quiet moment goes at once (a keystroke's echo is never
// delayed); pieces close behind it become one message, in order; a large batch goes at once; flush() ends it.
import { describe, expect, it } from 'vitest';
import { outputBatcher } from '@/realtime/output-batch';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the terminal output batcher', () => {
  it('sends a piece after a quiet moment at once, and gathers the pieces right behind it', async () => {
    const sent: string[] = [];
    const batch = outputBatcher((b) => sent.push(b.toString()));
    batch.push(Buffer.from('a'));
    expect(sent).toEqual(['a']);
    for (const piece of ['ro', 'ot@', 'lab', ':~# ']) batch.push(Buffer.from(piece));
    expect(sent).toEqual(['a']);
    await wait(30);
    expect(sent).toEqual(['a', 'root@lab:~# ']);
    batch.push(Buffer.from('b'));
    expect(sent.at(-1)).toBe('b');
  });

  it('sends a large batch at once, and flush() sends what is pending', () => {
    const sent: Buffer[] = [];
    const batch = outputBatcher((b) => sent.push(b));
    batch.push(Buffer.from('first'));
    batch.push(Buffer.alloc(40 * 1024, 'a'));
    expect(sent.map((b) => b.length)).toEqual([5, 40 * 1024]);
    batch.push(Buffer.from('tail'));
    batch.flush();
    expect(sent.map((b) => b.toString().slice(-4))).toEqual(['irst', 'aaaa', 'tail']);
    batch.flush();
    expect(sent).toHaveLength(3);
  });
});
