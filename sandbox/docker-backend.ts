// The sandbox backend on a Docker engine of this machine (see backend.ts for the seam).
import type Docker from 'dockerode';
import type { Config } from '../lib/config';
import { findDescendant, namespacedPids, startTimeOf } from '../lib/procfs';
import { run } from '../lib/run';
import { SandboxNotRunning, UNDERLAY, type ExecOptions, type SandboxBackend, type SandboxEntry, type SandboxHandle, type SessionNode, type TerminalSize } from './backend';
import { attachTmux, execScript } from './docker-exec';
import { containerOf, createSandbox, LABEL_SANDBOX, removeByLabel, sandboxIds } from './docker-sandbox';
import { engineAnswers } from './engine';
import { learnerTreeOf } from './images/build';

const ENGINE_SOCKET = '/run/docker.sock';

export class DockerBackend implements SandboxBackend {
  /** Sandbox id → container id, for the sandboxes this process has met. */
  private readonly containers = new Map<string, string>();
  /** Sandbox id → its learner init, as last found. */
  private readonly learnerInits = new Map<string, { pid: number; started: string }>();
  /**
   * Sandbox id → what is left to do as its learner's root after it became a node: done at the start of the
   * first exec or terminal into it (one docker exec saved on the way to a session's first prompt).
   */
  private readonly firstEntry = new Map<string, string>();

  constructor(
    private readonly docker: Docker,
    private readonly config: Config,
  ) {}

  async create(pool: string): Promise<SandboxHandle> {
    const learnerTree = await learnerTreeOf(this.docker, this.config);
    const { handle, containerId } = await createSandbox(this.docker, this.config, pool, learnerTree);
    this.containers.set(handle.id, containerId);
    return handle;
  }

  async destroy(id: string): Promise<void> {
    this.containers.delete(id);
    this.learnerInits.delete(id);
    this.firstEntry.delete(id);
    await removeByLabel(this.docker, { [LABEL_SANDBOX]: id });
  }

  list(pool: string): Promise<string[]> {
    return sandboxIds(this.docker, pool);
  }

  answers(): Promise<boolean> {
    return engineAnswers(this.docker);
  }

  async isRunning(sandbox: SandboxHandle): Promise<boolean> {
    const inspect = await this.inspect(sandbox.id);
    return !!inspect?.State.Running;
  }

  async exec(sandbox: SandboxHandle, script: string, options: ExecOptions = {}) {
    return execScript(this.docker, await this.containerId(sandbox.id), this.takeFirstEntry(sandbox) + script, options);
  }

  async attachTerminal(sandbox: SandboxHandle, size: TerminalSize) {
    return attachTmux(this.docker, await this.containerId(sandbox.id), size, this.takeFirstEntry(sandbox));
  }

  /** What is left to do in a sandbox that became a node, as a script prelude (once). */
  private takeFirstEntry(sandbox: SandboxHandle): string {
    const prelude = this.firstEntry.get(sandbox.id);
    this.firstEntry.delete(sandbox.id);
    return prelude ? `{ ${prelude}
} >/dev/null 2>&1
` : '';
  }

  /**
   * The learner's init: the first process below the container's init that is pid 1 of a pid namespace one
   * level below the container's. The learner cannot start a process above their namespace, so no process
   * of theirs can be taken for it.
   */
  async entry(sandbox: SandboxHandle): Promise<SandboxEntry> {
    const known = this.learnerInits.get(sandbox.id);
    if (known && startTimeOf(known.pid) === known.started) return { pid: known.pid, engineSocket: ENGINE_SOCKET };
    const inspect = await this.inspect(sandbox.id);
    if (!inspect?.State.Running || !inspect.State.Pid) throw new SandboxNotRunning('the sandbox is not running');
    const depth = namespacedPids(inspect.State.Pid).length + 1;
    const pid = findDescendant(inspect.State.Pid, (p) => {
      const pids = namespacedPids(p);
      return pids.length === depth && pids[depth - 1] === 1;
    });
    const started = pid && startTimeOf(pid);
    if (!pid || !started) throw new SandboxNotRunning("the sandbox's learner namespaces are not running");
    this.learnerInits.set(sandbox.id, { pid, started });
    return { pid, engineSocket: ENGINE_SOCKET };
  }

  /**
   * The underlay is a star of veth pairs between the nodes' own namespaces (the sandbox containers', where
   * the trusted init bridges the learner's eth0 to an "uplink" bridge): node 1's uplink gets a port to each
   * other node, whose uplink gets the other end; each node's own Docker network leaves its uplink. No
   * device of the host's is involved, so the session's frames never reach the host, and the pairs go
   * with the containers. Meanwhile, as the learner's root in each node: the node's address on eth0, its
   * host name, the nodes in /etc/hosts, and a fresh shell whose prompt names the node.
   */
  async joinSession(nodes: SessionNode[]): Promise<void> {
    await Promise.all([this.linkNodes(nodes), ...nodes.map((_, i) => this.becomeNode(nodes, i))]);
    for (const node of nodes) node.sandbox.hostname = node.name;
  }

  /** The underlay's veth pairs, made from the host in the sandbox containers' own namespaces. */
  private async linkNodes(nodes: SessionNode[]): Promise<void> {
    const pids = await Promise.all(nodes.map(async ({ sandbox }) => (await this.inspect(sandbox.id))?.State.Pid ?? 0));
    if (pids.some((pid) => !pid)) throw new Error('a sandbox of the session is not running');
    const [hub, ...rest] = nodes;
    const ipBatch = async (pid: number, commands: string[]) => {
      const r = await run('nsenter', [`--net=/proc/${pid}/ns/net`, 'ip', '-batch', '-'], { input: commands.join('\n') + '\n' });
      if (r.code !== 0) throw new Error(`joining the session's underlay: ${r.stderr.trim()}`);
    };
    // Two ends with the same ifindex (likely, in two young namespaces) make the kernel defer the carrier
    // change of the second one by up to a second, during which its bridge port drops frames: number them.
    await ipBatch(pids[0]!, [
      ...rest.flatMap((node, i) => [
        `link add to-${node.name} index ${100 + i} type veth peer name to-${hub!.name} index ${200 + i} netns ${pids[i + 1]}`,
        `link set to-${node.name} master uplink up`,
      ]),
      'link set eth0 nomaster',
    ]);
    await Promise.all(rest.map((_, i) => ipBatch(pids[i + 1]!, [`link set to-${hub!.name} master uplink up`, 'link set eth0 nomaster'])));
  }

  /**
   * Node i's address on the learner's eth0 and its host name, set from the host with the host's own `ip`
   * and `hostname` in the learner's network and UTS namespaces (nothing of the learner's runs); the nodes
   * in /etc/hosts and a prompt that names the node wait for the first entry, as the learner's root.
   */
  private async becomeNode(nodes: SessionNode[], i: number): Promise<void> {
    const node = nodes[i]!;
    const { pid } = await this.entry(node.sandbox);
    const steps = await Promise.all([
      run('nsenter', [`--net=/proc/${pid}/ns/net`, 'ip', '-batch', '-'], {
        input: `addr flush dev eth0\naddr add ${UNDERLAY.address(i)}/${UNDERLAY.prefixLength} dev eth0\n`,
      }),
      run('nsenter', [`--uts=/proc/${pid}/ns/uts`, 'hostname', node.name]),
    ]);
    const failed = steps.find((r) => r.code !== 0);
    if (failed) throw new Error(`making ${node.name}: ${failed.stderr.trim()}`);
    const hosts = nodes.map((n, j) => `${UNDERLAY.address(j)}\t${n.name}`).join('\n');
    // Enter makes the shell print a prompt with the new name; Ctrl-L leaves that prompt alone on the screen.
    this.firstEntry.set(node.sandbox.id, `echo ${node.name} > /etc/hostname\nprintf '${hosts}\\n' >> /etc/hosts\ntmux send-keys -t main Enter C-l`);
  }

  /** The sandbox's container, or undefined when it is gone; throws when the engine cannot be asked. */
  private async inspect(id: string): Promise<Docker.ContainerInspectInfo | undefined> {
    try {
      return await this.docker.getContainer(await this.containerId(id)).inspect();
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw err;
    }
  }

  private async containerId(id: string): Promise<string> {
    const known = this.containers.get(id);
    if (known) return known;
    const found = await containerOf(this.docker, id);
    if (!found) throw Object.assign(new Error(`there is no sandbox ${id}`), { statusCode: 404 });
    this.containers.set(id, found);
    return found;
  }
}
