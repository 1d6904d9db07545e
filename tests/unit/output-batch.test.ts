// Terminal output is sent in batches: pieces of one turn of the event loop become one message, in order, at
// the end of that turn (nothing waits for a timer); a large batch goes at once; flush() sends what is pending.
import { describe, expect, it } from 'vitest';
import { outputBatcher } from '@/realtime/output-batch';

const nextTurn = () => new Promise((r) => setImmediate(r));

describe('the terminal output batcher', () => {
  it('gathers the pieces of one turn into one message, sent at the end of that turn', async () => {
    const sent: string[] = [];
    const batch = outputBatcher((b) => sent.push(b.toString()));
    for (const piece of ['ro', 'ot@', 'lab', ':~# ']) batch.push(Buffer.from(piece));
    expect(sent).toEqual([]);
    await nextTurn();
    expect(sent).toEqual(['root@lab:~# ']);
    batch.push(Buffer.from('a'));
    await nextTurn();
    expect(sent).toEqual(['root@lab:~# ', 'a']);
  });

  it('sends a large batch at once, and flush() sends what is pending', async () => {
    const sent: Buffer[] = [];
    const batch = outputBatcher((b) => sent.push(b));
    batch.push(Buffer.alloc(40 * 1024, 'a'));
    expect(sent.map((b) => b.length)).toEqual([40 * 1024]);
    batch.push(Buffer.from('tail'));
    batch.flush();
    expect(sent.map((b) => b.toString().slice(-4))).toEqual(['aaaa', 'tail']);
    await nextTurn();
    expect(sent).toHaveLength(2);
  });
});
