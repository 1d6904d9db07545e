import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AttemptStore } from '@/store/attempts';
import { openDb } from '@/store/db';
import { tempDbPath, tempDir } from '../support/temp';

describe('the attempts store', () => {
  it('applies its migrations once and keeps attempts across reopenings', () => {
    const file = path.join(tempDir('store'), 'nested', 'netlab.sqlite');
    const db = openDb(file);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    const store = new AttemptStore(db);
    store.record({ learner: 'a', lesson: 'docker0', step: 'run-two', pass: false, message: { en: 'ng2 is missing', zh: '缺少 ng2' }, at: '2026-01-01T00:00:00.000Z' });
    store.record({ learner: 'a', lesson: 'docker0', step: 'run-two', pass: true, message: { en: 'both run', zh: '都在运行' } });
    store.record({ learner: 'b', lesson: 'docker0', step: 'run-two', pass: true, message: { en: 'both run', zh: '都在运行' } });
    db.close();

    const again = openDb(file);
    expect(again.pragma('user_version', { simple: true })).toBe(5);
    expect([...new AttemptStore(again).passed('a').get('docker0')!]).toEqual(['run-two']);
    new AttemptStore(again).recordSolutionView('a', 'docker0', 'remove');
    expect(new AttemptStore(again).solutionViews('a', 'docker0')).toEqual(['remove']);
    expect(new AttemptStore(again).solutionViews('b', 'docker0')).toEqual([]);
    const attempts = new AttemptStore(again).forLearner('a', 'docker0');
    expect(attempts.map((x) => [x.step, x.pass, x.message])).toEqual([
      ['run-two', false, { en: 'ng2 is missing', zh: '缺少 ng2' }],
      ['run-two', true, { en: 'both run', zh: '都在运行' }],
    ]);
    // An attempt stored before messages were kept in Chinese shows its English one in both.
    again.prepare("INSERT INTO attempts (learner, lesson, step, pass, message, at) VALUES ('old', 'docker0', 'remove', 0, 'ng2 runs', 'x')").run();
    expect(new AttemptStore(again).forLearner('old', 'docker0')[0]!.message).toEqual({ en: 'ng2 runs', zh: 'ng2 runs' });
    expect(attempts[0]!.at).toBe('2026-01-01T00:00:00.000Z');
    expect(new AttemptStore(again).forLearner('c', 'docker0')).toEqual([]);
    again.close();
  });

  it('refuses a database written by a newer NetLab', () => {
    const file = tempDbPath('store');
    const db = openDb(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => openDb(file)).toThrow(/newer NetLab \(schema 99/);
  });
});
