// Instructor accounts and sessions, classes and their progress, verifications, and a learner's history —
// on a real SQLite file through the migrations.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/password';
import { AttemptStore } from '@/store/attempts';
import { ClassStore } from '@/store/classes';
import { InstructorStore } from '@/store/instructors';
import { VerificationStore } from '@/store/verifications';
import { tempDb } from '../support/temp';

const freshDb = () => tempDb('instr');

describe('instructor passwords', () => {
  it('are hashed with scrypt and a random salt, and verified', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('correct');
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('anything', 'md5$abc')).toBe(false);
  });
});

describe('the instructor store', () => {
  it('adds accounts, signs in with the right password only, and ends sessions', async () => {
    const db = freshDb();
    const store = new InstructorStore(db);
    await store.add('ada', 'a long password');
    await expect(store.add('ada', 'another long one')).rejects.toThrow('already an instructor named ada');
    await expect(store.add('Bad Name', 'a long password')).rejects.toThrow('not a valid name');
    await expect(store.add('bob', 'short')).rejects.toThrow('at least 10 characters');

    expect(await store.signIn('ada', 'wrong password')).toBeNull();
    expect(await store.signIn('nobody', 'a long password')).toBeNull();
    const token = await store.signIn('ada', 'a long password');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(store.fromSession(token!)?.name).toBe('ada');
    expect(store.fromSession('forged')).toBeNull();
    expect(store.fromSession(undefined)).toBeNull();
    // Only a hash of the token is stored.
    expect(JSON.stringify(db.prepare('SELECT * FROM instructor_sessions').all())).not.toContain(token);

    store.signOut(token!);
    expect(store.fromSession(token!)).toBeNull();

    const again = await store.signIn('ada', 'a long password');
    await store.setPassword('ada', 'a new long password');
    expect(store.fromSession(again!)).toBeNull();
    expect(await store.signIn('ada', 'a new long password')).not.toBeNull();

    expect(store.list().map((i) => i.name)).toEqual(['ada']);
    store.remove('ada');
    expect(store.list()).toEqual([]);
    expect(() => store.remove('ada')).toThrow('no instructor named ada');
  });
});

describe('classes', () => {
  it('are joined by code, and show their members’ progress only', async () => {
    const db = freshDb();
    const ada = await new InstructorStore(db).add('ada', 'a long password');
    const eve = await new InstructorStore(db).add('eve', 'a long password');
    const classes = new ClassStore(db);
    const attempts = new AttemptStore(db);
    const net101 = classes.create(ada.id, 'Net 101');
    expect(net101.joinCode).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(classes.owned(net101.id, ada.id)?.name).toBe('Net 101');
    expect(classes.owned(net101.id, eve.id)).toBeUndefined();
    expect(classes.ofInstructor(eve.id)).toEqual([]);

    classes.join(classes.byJoinCode(net101.joinCode)!.id, 'learner-a', 'Alice');
    classes.join(net101.id, 'learner-b', 'Bob');
    classes.join(net101.id, 'learner-b', 'Bobby'); // joining again renames
    expect(classes.byJoinCode('nope')).toBeUndefined();
    expect(classes.members(net101.id).map((m) => m.name)).toEqual(['Alice', 'Bobby']);
    expect(classes.memberName(net101.id, 'learner-a')).toBe('Alice');
    expect(classes.ofLearner('learner-b')).toEqual([{ className: 'Net 101', name: 'Bobby' }]);
    expect(classes.ofLearner('outsider')).toEqual([]);
    expect(classes.ofInstructor(ada.id)[0]!.members).toBe(2);

    attempts.record({ learner: 'learner-a', lesson: 'docker0', step: 'run-two', pass: false, message: { en: 'no ng2', zh: 'no ng2' } });
    attempts.record({ learner: 'learner-a', lesson: 'docker0', step: 'run-two', pass: false, message: { en: 'no ng2', zh: 'no ng2' }, asked: false });
    attempts.record({ learner: 'learner-a', lesson: 'docker0', step: 'run-two', pass: true, message: { en: 'ok', zh: 'ok' } });
    attempts.record({ learner: 'learner-b', lesson: 'docker0', step: 'see-docker0', pass: false, message: { en: 'wrong', zh: 'wrong' } });
    attempts.recordSolutionView('learner-b', 'docker0', 'see-docker0');
    attempts.recordSolutionView('learner-b', 'docker0', 'find-veth');
    attempts.record({ learner: 'outsider', lesson: 'docker0', step: 'run-two', pass: true, message: { en: 'ok', zh: 'ok' } });

    const progress = classes.progress(net101.id).sort((x, y) => `${x.learner}${x.step}`.localeCompare(`${y.learner}${y.step}`));
    expect(progress).toEqual([
      // The automatic check after a command is not a failed attempt.
      { learner: 'learner-a', lesson: 'docker0', step: 'run-two', passed: true, failed: 1, solution: false },
      { learner: 'learner-b', lesson: 'docker0', step: 'find-veth', passed: false, failed: 0, solution: true },
      { learner: 'learner-b', lesson: 'docker0', step: 'see-docker0', passed: false, failed: 1, solution: true },
    ]);

    const history = attempts.history('learner-b');
    expect(history.map((h) => [h.kind, h.step])).toEqual([
      ['attempt', 'see-docker0'],
      ['solution', 'see-docker0'],
      ['solution', 'find-veth'],
    ]);
  });
});

describe('verifications', () => {
  it('keep the last result of each lesson', () => {
    const store = new VerificationStore(freshDb());
    const row = { lesson: 'docker0', step: 'run-two', before: 'FAIL', after: 'PASS', ms: 5, ok: true };
    store.record('docker0', [{ ...row, ok: false }], 100);
    store.record('docker0', [row], 90);
    store.record('link', [], 1);
    const latest = store.latest();
    expect(latest.get('docker0')).toMatchObject({ ok: true, ms: 90, rows: [row] });
    expect(latest.get('link')?.ok).toBe(false);
    expect(latest.has('dns')).toBe(false);
  });
});
