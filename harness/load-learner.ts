// One simulated learner for `npm run load`: opens a lesson's terminal over the real socket protocol, types
// each step's reference solution at a human pace, and waits for the automatic verdict, measuring what a
// learner feels: time to the prompt, keystroke echo, and command end → verdict on the page.
import { EVENTS } from '../lib/terminal-protocol';
import { learnerCookie, terminalClient, until, type TerminalClient } from './terminal-client';

/** A step as the learner types it: its id and its solution's commands. */
export type TypedStep = { id: string; commands: string[] };

export type LearnerFigures = {
  readyMs?: number;
  keystrokeMs: number[];
  verdictMs: number[];
  errors: string[];
};

/** How a person types: a few characters per 100 ms, then thinks between commands. */
const CHARS_PER_TICK = 3;
const TICK_MS = 100;
const THINK_MS = 2000;
/** Every so many characters, one keystroke is timed from send to echo. */
const TIME_EVERY = 4;
/** What a learner does once the lesson is done, until the run ends: look around. */
const IDLE_COMMANDS = ['docker ps', 'ip -br addr', 'docker network ls'];
/** The shell's "command finished" mark (see sandbox/terminal.ts). */
const COMMAND_END = '\x1b]133;D';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function simulateLearner(base: string, learner: number, lesson: string, steps: TypedStep[], until_: number): Promise<LearnerFigures> {
  const figures: LearnerFigures = { keystrokeMs: [], verdictMs: [], errors: [] };
  const client = terminalClient(base, learnerCookie(learner));
  const verdicts: { step: string; at: number; pass: boolean }[] = [];
  client.socket.on(EVENTS.verdict, (v: { step: string; verdict: { pass: boolean } }) => verdicts.push({ step: v.step, at: performance.now(), pass: v.verdict.pass }));
  try {
    await until(() => client.socket.connected, 10_000, 'socket connected');
    const asked = performance.now();
    client.socket.emit(EVENTS.open, { cols: 100, rows: 30, lesson });
    await until(() => client.state === 'ready' || client.state === 'error', 180_000, 'terminal ready');
    if (client.state === 'error') throw new Error(`terminal: ${JSON.stringify(client.statuses.at(-1))}`);
    figures.readyMs = performance.now() - asked;
    await sleep(500);

    for (const step of steps) {
      // A step may pass after the first of its commands: the verdict is timed from the command it followed.
      const ends: number[] = [];
      for (const command of step.commands) ends.push(await typeCommand(client, command, figures));
      const verdict = await waitFor(() => verdicts.find((v) => v.step === step.id && v.pass && v.at >= ends[0]!), 20_000);
      if (!verdict) throw new Error(`step ${step.id}: no passing verdict within 20 s of its last command`);
      figures.verdictMs.push(verdict.at - Math.max(...ends.filter((end) => end <= verdict.at)));
      await sleep(THINK_MS);
    }
    for (let i = 0; performance.now() < until_; i++) {
      await typeCommand(client, IDLE_COMMANDS[i % IDLE_COMMANDS.length]!, figures);
      await sleep(THINK_MS);
    }
  } catch (err) {
    figures.errors.push(`learner ${learner}: ${(err as Error).message}`);
  } finally {
    client.close();
  }
  return figures;
}

/** Types a command a few characters at a time, timing some echoes; resolves with when the command ended. */
async function typeCommand(client: TerminalClient, command: string, figures: LearnerFigures): Promise<number> {
  for (let i = 0; i < command.length; i += CHARS_PER_TICK) {
    const piece = command.slice(i, i + CHARS_PER_TICK);
    if ((i / CHARS_PER_TICK) % TIME_EVERY === 0) {
      const echoed = client.nextOutput();
      const sent = performance.now();
      client.type(piece);
      if (await Promise.race([echoed.then(() => true), sleep(5_000).then(() => false)])) figures.keystrokeMs.push(performance.now() - sent);
      else throw new Error('a keystroke was not echoed within 5 s');
    } else client.type(piece);
    await sleep(TICK_MS);
  }
  const end = client.outputContaining(COMMAND_END);
  client.type('\r');
  const at = await Promise.race([end, sleep(60_000).then(() => 0)]);
  if (!at) throw new Error(`\`${command}\` did not finish within 60 s`);
  return at;
}

async function waitFor<T>(find: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found || performance.now() > deadline) return found;
    await sleep(20);
  }
}
