// The store survives the server killed with SIGKILL mid-write: every attempt it reported as recorded is there
// when the database is opened again (SQLite in WAL mode), and the database is whole.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';
import { AttemptStore } from '@/store/attempts';
import { openDb } from '@/store/db';
import { tempDbPath } from '../support/temp';

it('keeps every attempt reported as recorded when the writer is killed -9', async () => {
  const file = tempDbPath('crash');
  const writer = spawn('npx', ['tsx', path.join(import.meta.dirname, '../support/attempt-writer.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const reported: string[] = [];
  let pending = '';
  writer.stdout.on('data', (d: Buffer) => {
    const lines = (pending + d.toString()).split('\n');
    pending = lines.pop()!;
    reported.push(...lines);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (reported.length >= 2000) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
    writer.on('exit', (code) => reject(new Error(`the writer stopped by itself (${code})`)));
  });
  // Kill the writer itself (npx's child), mid-loop: no chance to close the database.
  const exited = new Promise((r) => writer.on('exit', r));
  spawn('pkill', ['-KILL', '-f', `attempt-writer.ts ${file}`]);
  await exited;

  const db = openDb(file);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  const stored = new Set(new AttemptStore(db).forLearner('crash', 'docker0').map((a) => a.step));
  expect(reported.length).toBeGreaterThanOrEqual(2000);
  expect(reported.filter((s) => !stored.has(s))).toEqual([]);
}, 60_000);
