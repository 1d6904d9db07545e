// `npm run instructor -- <command>`: the operator's tool for instructor accounts, on the store the server
// uses (NETLAB_DB_PATH / NETLAB_DATA_DIR).
//   add <name>      create an account (password asked twice, hidden; or read from stdin when piped)
//   passwd <name>   set a new password (ends the account's sessions)
//   remove <name>   delete the account with its classes
//   list            the accounts
import readline from 'node:readline';
import { loadConfig } from '../lib/config';
import { openDb } from '../store/db';
import { InstructorStore } from '../store/instructors';

const USAGE = 'usage: npm run instructor -- add <name> | passwd <name> | remove <name> | list';

/** A line typed without echo (a terminal), or the first line of piped input. */
async function readSecret(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = readline.createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return '';
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  muted._writeToOutput = (s) => {
    if (s.includes(prompt)) process.stdout.write(prompt);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function newPassword(): Promise<string> {
  const password = await readSecret('Password: ');
  if (process.stdin.isTTY && (await readSecret('Again: ')) !== password) throw new Error('the two passwords differ');
  return password;
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const config = loadConfig();
  const db = openDb(config.dbPath);
  const store = new InstructorStore(db);
  try {
    if (command === 'list') {
      const all = store.list();
      if (!all.length) console.log('no instructors yet: npm run instructor -- add <name>');
      for (const i of all) console.log(`${i.name}\t(created ${i.createdAt})`);
    } else if (command === 'add' && name) {
      await store.add(name, await newPassword());
      console.log(`instructor ${name} added; sign in at /instructor/sign-in`);
    } else if (command === 'passwd' && name) {
      await store.setPassword(name, await newPassword());
      console.log(`password of ${name} changed; their sessions were ended`);
    } else if (command === 'remove' && name) {
      store.remove(name);
      console.log(`instructor ${name} removed, with their classes`);
    } else {
      console.error(USAGE);
      process.exitCode = 2;
    }
  } finally {
    db.close();
  }
}

main().catch((err) => {
  console.error(`[instructor] ${err instanceof Error ? err.message : err}`);
  process.exitCode = 1;
});
