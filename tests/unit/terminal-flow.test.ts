import { describe, expect, it } from 'vitest';
import { clampSize, CommandEndScanner, OutputFlow } from '@/sandbox/terminal';

describe('OutputFlow', () => {
  it('pauses above the high watermark and resumes only below the low one', () => {
    const calls: string[] = [];
    const flow = new OutputFlow(() => calls.push('pause'), () => calls.push('resume'), 1000, 200);
    flow.sent(600);
    expect(calls).toEqual([]);
    flow.sent(600); // 1200 unacknowledged
    expect(calls).toEqual(['pause']);
    expect(flow.paused).toBe(true);
    flow.sent(5000); // still paused: no second pause
    flow.acked(6000); // 800 left: above low
    expect(calls).toEqual(['pause']);
    flow.acked(700); // 100 left: below low
    expect(calls).toEqual(['pause', 'resume']);
    expect(flow.paused).toBe(false);
  });

  it('never counts below zero when a client over-acknowledges', () => {
    const flow = new OutputFlow(() => {}, () => {}, 10, 5);
    flow.acked(1000);
    expect(flow.pending).toBe(0);
  });
});

describe('clampSize', () => {
  it('keeps a sane terminal size whatever the browser sends', () => {
    expect(clampSize({ cols: 0, rows: -3 })).toEqual({ cols: 20, rows: 5 });
    expect(clampSize({ cols: 99999, rows: 99999 })).toEqual({ cols: 500, rows: 200 });
    expect(clampSize({ cols: 120.7, rows: 40.2 })).toEqual({ cols: 120, rows: 40 });
  });
});

describe('CommandEndScanner', () => {
  const mark = '\x1bPtmux;\x1b\x1b]133;D;0\x07\x1b\\';
  it('counts the command-finished marks the shell prints, even split across chunks', () => {
    const scanner = new CommandEndScanner();
    expect(scanner.feed(Buffer.from(`ls\r\nfile\r\n${mark}root@lab:~# `))).toBe(0 + 1);
    const passedThrough = '\x1b]133;D;0\x07';
    expect(scanner.feed(Buffer.from(`output${passedThrough.slice(0, 4)}`))).toBe(0);
    expect(scanner.feed(Buffer.from(`${passedThrough.slice(4)}prompt${passedThrough}`))).toBe(2);
  });

  it('ignores other escape sequences', () => {
    const scanner = new CommandEndScanner();
    expect(scanner.feed(Buffer.from('\x1b]0;title\x07\x1b]133;A\x07\x1b[1;32m'))).toBe(0);
  });
});
