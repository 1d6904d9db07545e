// Terminal output is sent in batches: small pieces close together become one message, in order; a large
// batch goes at once; nothing is held back after the delay.
import { describe, expect, it } from 'vitest';
import { outputBatcher } from '@/realtime/output-batch';

describe('the terminal output batcher', () => {
  it('gathers pieces that arrive together into one message, in order', async () => {
    const sent: string[] = [];
    const batch = outputBatcher((b) => sent.push(b.toString()));
    for (const piece of ['ro', 'ot@', 'lab', ':~# ']) batch.push(Buffer.from(piece));
    expect(sent).toEqual([]);
    await new Promise((r) => setTimeout(r, 20));
    expect(sent).toEqual(['root@lab:~# ']);
  });

  it('sends a large batch at once, and flush() sends what is pending', () => {
    const sent: Buffer[] = [];
    const batch = outputBatcher((b) => sent.push(b));
    batch.push(Buffer.alloc(40 * 1024, 'a'));
    expect(sent.map((b) => b.length)).toEqual([40 * 1024]);
    batch.push(Buffer.from('tail'));
    batch.flush();
    expect(sent.map((b) => b.toString().slice(-4))).toEqual(['aaaa', 'tail']);
    batch.flush();
    expect(sent).toHaveLength(2);
  });
});
