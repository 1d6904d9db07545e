// Gathers a sandbox's raw network state from the host side, fast and without trusting the sandbox:
// - kernel state (links, addresses, routes, the nat table) is read by the HOST's own `ip` and `iptables-save`
//   entered into the sandbox's network namespaces (nsenter --net), never by binaries from the sandbox;
// - namespaces are opened through the host's /proc (the sandbox's process tree), or through bind mounts
//   that are checked not to be symbolic links, so a sandbox cannot point the grader at the host or at
//   another sandbox;
// - Docker's view comes from the sandbox's own engine, through its socket, read-only; the files it keeps
//   for containers (/etc/hosts, resolv.conf) are read with the same symlink checks.
// Every part is gathered on its own: a part that fails is recorded as an error, never the whole snapshot.
import fs from 'node:fs';
import Docker from 'dockerode';
import { COMMAND_TIMEOUT_MS, inNetns, namedNamespacePath, readSandboxFile, safePath, sandboxPids } from './sandbox-view';

/** What the host saw, before parsing: JSON-serializable, so that tests can replay captured sandboxes. */
export type RawNamespace = { inode?: number; ip?: string; error?: string };
export type RawSnapshot = {
  takenAt: string;
  host: RawNamespace;
  nat: { text?: string; error?: string };
  namespaces: (RawNamespace & { name: string })[];
  networks: unknown[];
  containers: { inspect: unknown; hostsFile?: string; resolvConf?: string; environ?: string; netns?: RawNamespace }[];
  errors: string[];
};

/** What `ip` reports for one namespace: links with their details and addresses, then routes. */
const IP_BATCH = 'addr show\nroute show\n';

async function readNamespace(nsPath: string): Promise<RawNamespace> {
  try {
    const inode = fs.statSync(nsPath).ino;
    const r = await inNetns(nsPath, ['ip', '-j', '-d', '-batch', '-'], IP_BATCH);
    if (r.code !== 0) return { inode, error: `ip: ${r.stderr.trim()}` };
    return { inode, ip: r.stdout };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();

/** Collects the raw state of the sandbox whose init process has host pid `sandboxPid`. */
export async function collectRaw(sandboxPid: number): Promise<RawSnapshot> {
  const errors: string[] = [];
  const procRoot = `/proc/${sandboxPid}`;
  const sandboxRoot = `${procRoot}/root`;

  const hostPart = readNamespace(`${procRoot}/ns/net`);
  const natPart = inNetns(`${procRoot}/ns/net`, ['iptables-save', '-t', 'nat']).then((r) =>
    r.code === 0 ? { text: r.stdout } : { error: `iptables-save: ${r.stderr.trim()}` },
  );

  const namespacesPart = (async () => {
    let dir: string;
    try {
      dir = safePath(sandboxRoot, 'run/netns', 'dir');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') errors.push(`ip netns: ${message(err)}`);
      return [];
    }
    const names = fs.readdirSync(dir).sort();
    return Promise.all(
      names.map(async (name) => {
        try {
          return { name, ...(await readNamespace(namedNamespacePath(sandboxPid, name))) };
        } catch (err) {
          return { name, error: message(err) };
        }
      }),
    );
  })();

  const dockerPart = (async () => {
    const docker = new Docker({ socketPath: safePath(sandboxRoot, 'run/docker.sock', 'socket'), timeout: COMMAND_TIMEOUT_MS });
    const [containerList, networkList] = await Promise.all([docker.listContainers({ all: true }), docker.listNetworks()]);
    const pids = sandboxPids(sandboxPid);
    const networks = await Promise.all(
      networkList.map((n) => docker.getNetwork(n.Id).inspect().catch((err) => (errors.push(`network ${n.Name}: ${message(err)}`), null))),
    );
    const containers = await Promise.all(
      containerList.map(async (c) => {
        try {
          const inspect = await docker.getContainer(c.Id).inspect();
          // Where the engine keeps the container's /etc/hosts and resolv.conf, read with the same care.
          const hostsFile = inspect.HostsPath ? readSandboxFile(sandboxPid, inspect.HostsPath) : undefined;
          const resolvConf = inspect.ResolvConfPath ? readSandboxFile(sandboxPid, inspect.ResolvConfPath) : undefined;
          const hostPid = inspect.State.Running ? pids.get(inspect.State.Pid) : undefined;
          const netns = hostPid ? await readNamespace(`/proc/${hostPid}/ns/net`) : undefined;
          // The environment the container's process really has (--link's variables are not in its config).
          const environ = hostPid ? fs.readFileSync(`/proc/${hostPid}/environ`, 'utf8') : undefined;
          return { inspect, hostsFile, resolvConf, environ, netns };
        } catch (err) {
          errors.push(`container ${c.Names[0]?.replace(/^\//, '') ?? c.Id}: ${message(err)}`);
          return null;
        }
      }),
    );
    return { networks: networks.filter((n) => n !== null), containers: containers.filter((c) => c !== null) };
  })().catch((err) => {
    errors.push(`docker: ${message(err)}`);
    return { networks: [], containers: [] };
  });

  const [host, nat, namespaces, dockerState] = await Promise.all([hostPart, natPart, namespacesPart, dockerPart]);
  return { takenAt: new Date().toISOString(), host, nat, namespaces, ...dockerState, errors };
}
