import { describe, expect, it } from 'vitest';
import { SessionStore } from '@/store/sessions';
import { tempDb } from '../support/temp';

const node = (name: string, id: string) => ({ name, sandbox: { id, hostname: name, createdAt: 1000 } });

describe('the sessions store', () => {
  it("keeps each learner's session per pool, replaced on save and gone on remove", () => {
    const store = new SessionStore(tempDb('sessions'));
    store.save('app', 'learner-a', { id: 's1', createdAt: 1000, nodes: [node('lab-1', 'x1')] });
    store.save('app', 'learner-a', { id: 's2', createdAt: 2000, lesson: 'modes', nodes: [node('node1', 'y1'), node('node2', 'y2')] });
    store.save('other', 'learner-b', { id: 's3', createdAt: 3000, nodes: [node('lab-3', 'z1')] });
    expect(store.all('app')).toEqual(new Map([['learner-a', { id: 's2', createdAt: 2000, lesson: 'modes', nodes: [node('node1', 'y1'), node('node2', 'y2')] }]]));
    expect([...store.all('other').keys()]).toEqual(['learner-b']);
    store.remove('learner-a');
    expect(store.all('app').size).toBe(0);
  });

  it('drops a row that does not read as a session instead of adopting it', () => {
    const db = tempDb('sessions-bad');
    const store = new SessionStore(db);
    db.prepare("INSERT INTO sandbox_sessions (learner, pool, session, nodes, created_at) VALUES ('c', 'app', 's', 'not json', 1)").run();
    db.prepare("INSERT INTO sandbox_sessions (learner, pool, session, nodes, created_at) VALUES ('d', 'app', 's', '[]', 1)").run();
    expect(store.all('app').size).toBe(0);
    expect(db.prepare('SELECT COUNT(*) AS n FROM sandbox_sessions').get()).toEqual({ n: 0 });
  });
});
