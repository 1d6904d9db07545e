// Gathers a sandbox's raw network state from the host side, fast and without trusting the sandbox:
// - kernel state (links, addresses, routes, the nat table) is read by the HOST's own `ip` and `iptables-save`
//   entered into the sandbox's network namespaces, never by binaries from the sandbox;
// - the learner's host and containers are entered through the host's /proc (the sandbox's process tree);
//   named namespaces, files and the engine's socket through netlab-peek, inside the sandbox's own mount
//   namespace, so that no link of theirs can point the grader at the host or at another sandbox;
// - Docker's view comes from the sandbox's own engine, read-only, and is parsed as untrusted input.
// Every part is gathered on its own: a part that fails is recorded as an error, never the whole snapshot.
import fs from 'node:fs';
import type { SandboxEntry } from '../sandbox/backend';
import { namespacesArgv, parseNamespaces, readFiles, sandboxEngine } from './peek';
import { netnsArgv, runBatch, sandboxPids, type BatchCommand, type NetnsRef } from './sandbox-view';

/** What the host saw, before parsing: JSON-serializable, so that tests can replay captured sandboxes. */
export type RawNamespace = { inode?: number; ip?: string; error?: string };
export type RawSnapshot = {
  takenAt: string;
  host: RawNamespace;
  nat: { text?: string; error?: string };
  namespaces: (RawNamespace & { name: string })[];
  /** The namespaces Docker keeps for its overlay networks (where their VXLAN devices are). */
  overlays?: (RawNamespace & { name: string })[];
  networks: unknown[];
  containers: { inspect: unknown; hostsFile?: string; resolvConf?: string; environ?: string; netns?: RawNamespace }[];
  /** The sandbox host's net.ipv4.ip_forward ("1" or "0"). */
  forwarding?: string;
  /** The engine's container destroy events, as far back as it remembers. */
  removals?: unknown[];
  /** The engine's `docker info`, and on a swarm manager its services, tasks and nodes. */
  swarm?: { info: unknown; services?: unknown[]; tasks?: unknown[]; nodes?: unknown[] };
  errors: string[];
};

/** Docker's name for an overlay network's namespace: "1-" and the network id's first ten characters. */
const OVERLAY_NAMESPACE = /^\d+-[0-9a-z]{10}$/;

/** What `ip` reports for one namespace: links with their details and addresses, then routes. */
const IP_BATCH = 'addr show\nroute show\n';

const inodeOf = (nsPath: string) => {
  try {
    return fs.statSync(nsPath).ino;
  } catch {
    return undefined;
  }
};

const readIp = (ref: NetnsRef): BatchCommand => ({ argv: netnsArgv(ref, ['ip', '-j', '-d', '-batch', '-']), input: IP_BATCH });

/** What a batch's `ip` (readIp) said of the namespace known by `inode`. */
const ipReading = (r: { code: number; stdout: string }, inode: number | undefined, stderr: string): RawNamespace =>
  r.code === 0 ? { inode, ip: r.stdout } : { inode, error: `ip: ${stderr}` };

/** Namespaces read in one batch, each with the inode it is known by. */
async function readNamespaces(spaces: { ref: NetnsRef; inode: number | undefined }[]): Promise<RawNamespace[]> {
  const { results, stderr } = await runBatch(spaces.map((n) => readIp(n.ref)));
  return results.map((r, i) => ipReading(r, spaces[i]!.inode, stderr));
}

/**
 * Namespaces of the host's /proc, each read once however many containers share it (--network container:,
 * or host: one of `known`).
 */
async function readProcNamespaces(nsPaths: string[], known: RawNamespace[]): Promise<RawNamespace[]> {
  const spaces = nsPaths.map((proc) => ({ ref: { proc }, inode: inodeOf(proc) }));
  const byInode = new Map(known.filter((k) => k.inode !== undefined).map((k) => [k.inode, k]));
  const toRead = [...new Map(spaces.filter((s) => s.inode !== undefined && !byInode.has(s.inode)).map((s) => [s.inode, s])).values()];
  const read = await readNamespaces(toRead);
  toRead.forEach((s, i) => byInode.set(s.inode, read[i]!));
  return spaces.map((s) => (s.inode === undefined ? { error: 'the namespace is gone' } : byInode.get(s.inode)!));
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();

type Inspect = { HostsPath?: string; ResolvConfPath?: string; State: { Running: boolean; Pid: number } };

/** Collects the raw state of the sandbox. */
export async function collectRaw({ pid, engineSocket }: SandboxEntry): Promise<RawSnapshot> {
  const errors: string[] = [];

  // The learner's host in one batch: its links and routes, the nat table, forwarding (/proc/sys/net is the
  // namespace of the process reading it: the host's cat, entered into the sandbox's), and its folders of
  // named namespaces (`ip netns`, and Docker's, where overlay networks keep their VXLAN devices).
  const hostNs: NetnsRef = { proc: `/proc/${pid}/ns/net` };
  const folders = [
    { dir: '/run/netns', accept: () => true },
    { dir: '/run/docker/netns', accept: (name: string) => OVERLAY_NAMESPACE.test(name) },
  ];
  const hostBatch = runBatch([
    readIp(hostNs),
    { argv: netnsArgv(hostNs, ['iptables-save', '-t', 'nat']) },
    { argv: netnsArgv(hostNs, ['cat', '/proc/sys/net/ipv4/ip_forward']) },
    ...folders.map(({ dir }) => ({ argv: namespacesArgv(pid, dir) })),
  ]);
  const hostPart = hostBatch.then(({ results: [ip], stderr }) => ipReading(ip!, inodeOf(hostNs.proc), stderr));
  const natPart = hostBatch.then(({ results: [, nat], stderr }) => (nat!.code === 0 ? { text: nat!.stdout } : { error: `iptables-save: ${stderr}` }));
  const forwardingPart = hostBatch.then(({ results: [, , forwarding], stderr }) => {
    if (forwarding!.code === 0) return forwarding!.stdout.trim();
    errors.push(`ip_forward: ${stderr}`);
    return undefined;
  });
  // Then every named namespace of both folders in one batch.
  const namedPart = hostBatch.then(async ({ results, stderr }) => {
    const entries = folders.map(({ dir, accept }, i) => {
      const listing = results[3 + i]!;
      if (listing.code === 0) return parseNamespaces(listing.stdout).filter((e) => accept(e.name));
      errors.push(`${dir}: ${stderr || `netlab-peek exited ${listing.code}`}`);
      return [];
    });
    const readable = entries.flatMap((list, i) => list.filter((e) => !e.error).map((e) => ({ ref: { sandboxPid: pid, path: `${folders[i]!.dir}/${e.name}` }, inode: e.inode })));
    const read = await readNamespaces(readable);
    let next = 0;
    return entries.map((list) => list.map(({ name, error }) => (error ? { name, error } : { name, ...read[next++]! })));
  });
  const namespacesPart = namedPart.then(([named]) => named!);
  const overlaysPart = namedPart.then(([, overlays]) => overlays!);

  const docker = sandboxEngine(pid, engineSocket);
  const dockerPart = (async () => {
    const [containerList, networkList] = await Promise.all([docker.listContainers({ all: true }), docker.listNetworks()]);
    const pids = sandboxPids(pid);
    const networks = await Promise.all(
      networkList.map((n) => docker.getNetwork(n.Id).inspect().catch((err) => (errors.push(`network ${n.Name}: ${message(err)}`), null))),
    );
    const inspects = await Promise.all(
      containerList.map((c) =>
        docker
          .getContainer(c.Id)
          .inspect()
          .catch((err) => (errors.push(`container ${c.Names[0]?.replace(/^\//, '') ?? c.Id}: ${message(err)}`), null)),
      ),
    );
    const found = inspects.filter((i) => i !== null) as unknown as Inspect[];
    // Where the engine keeps each container's /etc/hosts and resolv.conf: read in one go, inside the sandbox.
    const filesPart = readFiles(pid, found.flatMap((i) => [i.HostsPath, i.ResolvConfPath].filter((f): f is string => !!f)));
    const hostPids = found.map((inspect) => (inspect.State.Running ? pids.get(inspect.State.Pid) : undefined));
    const running = hostPids.filter((p): p is number => p !== undefined);
    const [files, namespaces] = await Promise.all([filesPart, hostPart.then((host) => readProcNamespaces(running.map((p) => `/proc/${p}/ns/net`), [host]))]);
    const containers = found.map((inspect, i) => {
        const hostPid = hostPids[i];
        const netns = hostPid ? namespaces[running.indexOf(hostPid)] : undefined;
        // The environment the container's process really has (--link's variables are not in its config).
        let environ: string | undefined;
        try {
          environ = hostPid ? fs.readFileSync(`/proc/${hostPid}/environ`, 'utf8') : undefined;
        } catch (err) {
          errors.push(`container environment: ${message(err)}`);
        }
        return {
          inspect: inspect as unknown,
          hostsFile: inspect.HostsPath ? files.get(inspect.HostsPath) : undefined,
          resolvConf: inspect.ResolvConfPath ? files.get(inspect.ResolvConfPath) : undefined,
          environ,
          netns,
        };
      });
    return { networks: networks.filter((n) => n !== null), containers };
  })().catch((err) => {
    errors.push(`docker: ${message(err)}`);
    return { networks: [], containers: [] };
  });

  const swarmPart = (async () => {
    const info = (await docker.info()) as { Swarm?: { ControlAvailable?: boolean } };
    if (!info.Swarm?.ControlAvailable) return { info };
    const [services, tasks, nodes] = await Promise.all([docker.listServices(), docker.listTasks(), docker.listNodes()]);
    return { info, services, tasks, nodes };
  })().catch((err) => {
    errors.push(`docker swarm: ${message(err)}`);
    return undefined;
  });

  // What the engine removed (a container gone leaves no other trace): its event log, read up to now.
  const removalsPart = (async () => {
    // A fractional "until" ends the stream at once (a whole second ahead would keep it open until then).
    const until = Date.now() / 1000;
    const filters = JSON.stringify({ type: ['container'], event: ['destroy'] });
    const stream = (await docker.getEvents({ since: 0, until, filters })) as NodeJS.ReadableStream;
    let text = '';
    for await (const chunk of stream) text += String(chunk);
    return text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as unknown);
  })().catch((err) => {
    errors.push(`docker events: ${message(err)}`);
    return [];
  });

  const [host, nat, forwarding, namespaces, overlays, dockerState, swarm, removals] = await Promise.all([
    hostPart,
    natPart,
    forwardingPart,
    namespacesPart,
    overlaysPart,
    dockerPart,
    swarmPart,
    removalsPart,
  ]);
  return { takenAt: new Date().toISOString(), host, nat, forwarding, namespaces, overlays, ...dockerState, swarm, removals, errors };
}
