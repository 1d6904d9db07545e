// A stand-in for a busy server, for the crash test: records attempts as fast as it can in the real store and
// prints each one's step name once record() has returned (the moment the page is told "recorded").
import { AttemptStore } from '@/store/attempts';
import { openDb } from '@/store/db';

const store = new AttemptStore(openDb(process.argv[2]!));
for (let i = 0; ; i++) {
  store.record({ learner: 'crash', lesson: 'docker0', step: `s${i}`, pass: i % 2 === 0, message: { en: 'x', zh: 'x' } });
  process.stdout.write(`s${i}\n`);
  if (i % 50 === 0) await new Promise((r) => setImmediate(r));
}
