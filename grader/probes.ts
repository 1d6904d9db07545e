// Probes: real traffic inside the sandbox, where reachability is the question. Each runs a HOST binary
// (ping, curl, dig) entered into one namespace of the sandbox: the sandbox host, a named namespace, or a
// container. They create nothing in the sandbox, and each is bounded by a short timeout.
import fs from 'node:fs';
import { container, describePlace, namedNamespace, type Place } from './vocabulary';
import type { Snapshot } from './model';
import { hostNetns, runIn, sandboxPids, type NetnsRef } from './sandbox-view';

export type ProbeResult = { ok: boolean; output: string };
export type HttpResult = ProbeResult & { status?: number; body: string };
export type DnsResult = ProbeResult & { addresses: string[] };

const PROBE_TIMEOUT_MS = 2500;

/** A node a probe can run from: its name, its learner init's host pid, and its snapshot. */
export type ProbeNode = { name: string; pid: number; snap: Snapshot };

export class Prober {
  /** The session's nodes; a place that names no node is on the first. */
  constructor(private readonly nodes: ProbeNode[]) {}

  private nodeOf(place: Place): ProbeNode {
    const node = place.node === undefined ? this.nodes[0] : this.nodes.find((n) => n.name === place.node);
    if (!node) throw new Error(`there is no node ${place.node}`);
    return node;
  }

  /** A place's network namespace: the learner's host and containers through the host's /proc, a named one through netlab-peek. */
  private netns(place: Place): NetnsRef {
    const { pid, snap } = this.nodeOf(place);
    if ('host' in place) return hostNetns(pid);
    if ('netns' in place) {
      if (!namedNamespace(snap, place.netns)) throw new Error(`there is no namespace ${place.netns}`);
      return { sandboxPid: pid, path: `/run/netns/${place.netns}` };
    }
    const c = container(snap, place.container);
    if (!c?.running) throw new Error(`container ${place.container} is not running`);
    const hostPid = sandboxPids(pid).get(c.pid);
    if (!hostPid) throw new Error(`container ${place.container} has no process`);
    const proc = `/proc/${hostPid}/ns/net`;
    fs.statSync(proc);
    return { proc };
  }

  private async run(place: Place, command: string[]): Promise<ProbeResult & { code: number }> {
    let ref: NetnsRef;
    try {
      ref = this.netns(place);
    } catch (err) {
      return { ok: false, code: -1, output: `${describePlace(place)}: ${(err as Error).message}` };
    }
    const r = await runIn(ref, command, undefined, PROBE_TIMEOUT_MS);
    return { ok: r.code === 0, code: r.code, output: (r.stdout + r.stderr).trim() };
  }

  /** One ICMP echo, waiting at most a second for the reply. */
  ping(from: Place, address: string): Promise<ProbeResult> {
    return this.run(from, ['ping', '-n', '-c', '1', '-W', '1', address]);
  }

  /**
   * An HTTP GET (2 s at most); ok when the server answered 2xx or 3xx. From a container, a name in the URL is
   * looked up as the container's own programs would (see resolve), not by the grader's resolver.
   */
  async http(from: Place, url: string): Promise<HttpResult> {
    const marker = '\nNETLAB-HTTP-STATUS:';
    const target = new URL(url);
    const pinned: string[] = [];
    if ('container' in from && !/^\d+\.\d+\.\d+\.\d+$/.test(target.hostname) && target.hostname !== 'localhost') {
      const found = await this.resolve(from, target.hostname);
      if (!found.addresses[0]) return { ok: false, body: '', output: `${describePlace(from)} cannot resolve ${target.hostname}` };
      const port = target.port || (target.protocol === 'https:' ? '443' : '80');
      pinned.push('--resolve', `${target.hostname}:${port}:${found.addresses[0]}`);
    }
    const r = await this.run(from, ['curl', '-sS', '--max-time', '2', '--max-filesize', '1048576', ...pinned, '-w', `${marker}%{http_code}`, url]);
    const at = r.output.lastIndexOf(marker.trim());
    const status = at >= 0 ? Number(r.output.slice(at + marker.trim().length)) : undefined;
    const body = at >= 0 ? r.output.slice(0, at) : r.output;
    return { ok: r.ok && !!status && status < 400, status, body, output: r.output };
  }

  /**
   * A name looked up as a program in the place would: its /etc/hosts first (where --link writes), then DNS.
   * (The sandbox host and named namespaces have only the sandbox's, which has no DNS.)
   */
  async resolve(from: Place, name: string): Promise<DnsResult> {
    const c = 'container' in from ? container(this.nodeOf(from).snap, from.container) : undefined;
    const fromHosts = c?.hosts.find((h) => h.names.includes(name) && /^\d+\.\d+\.\d+\.\d+$/.test(h.address));
    if (fromHosts) return { ok: true, addresses: [fromHosts.address], output: `${name} is in /etc/hosts: ${fromHosts.address}` };
    return this.dns(from, name);
  }

  /**
   * A DNS lookup (A records) as the place itself would make it: against the first nameserver of its
   * resolv.conf (a container's own, e.g. Docker's embedded 127.0.0.11; the sandbox's, which answers nothing).
   */
  async dns(from: Place, name: string): Promise<DnsResult> {
    const resolv = 'container' in from ? (container(this.nodeOf(from).snap, from.container)?.resolvConf ?? '') : '';
    const server = /^nameserver\s+(\S+)/m.exec(resolv)?.[1] ?? '127.0.0.1';
    const r = await this.run(from, ['dig', '+short', '+time=1', '+tries=1', `@${server}`, name, 'A']);
    const addresses = r.output.split('\n').filter((l) => /^\d+\.\d+\.\d+\.\d+$/.test(l.trim())).map((l) => l.trim());
    return { ok: r.ok && addresses.length > 0, addresses, output: r.output };
  }
}
