// Running a lesson's commands (its setup, a step's reference solution) on the nodes of a session.
import type { SandboxBackend } from '../sandbox/backend';
import type { Session } from '../sandbox/session';
import { commandTarget, type Command } from './format';

/** Longer than any lesson's command takes on a loaded host; a command that hangs fails instead of waiting forever. */
const COMMAND_TIMEOUT_MS = 120_000;

const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/**
 * Runs the commands in order, each on its node (by default the first); what a command captures becomes a
 * variable of the commands after it, kept in `vars`. Stops at the first that fails and says which.
 */
export async function runCommands(
  backend: SandboxBackend,
  session: Session,
  commands: Command[],
  what: string,
  vars = new Map<string, string>(),
): Promise<string | undefined> {
  for (const command of commands) {
    const { node, run, capture } = commandTarget(command);
    const target = node ? session.nodes.find((n) => n.name === node) : session.nodes[0];
    if (!target) return `${what}: the session has no node ${node}`;
    const exports = [...vars].map(([name, value]) => `export ${name}=${shellQuote(value)}\n`).join('');
    const r = await backend.exec(target.sandbox, exports + run, { timeoutMs: COMMAND_TIMEOUT_MS });
    const where = node ? ` on ${node}` : '';
    if (r.code !== 0) return `${what} failed at \`${run}\`${where} (exit ${r.code}): ${r.output.trim().slice(-300)}`;
    if (capture) vars.set(capture, r.output.trim());
  }
  return undefined;
}
