// Sandbox isolation. Each sandbox sits alone on an --internal Docker network of its own (own subnet, own
// bridge named nlb-…): Docker's internal-network rules drop anything forwarded off that subnet. What Docker
// does not cover is traffic to the host itself (the bridge's gateway address and every host port), so the
// host's INPUT drops everything arriving on an nlb-* bridge, and DOCKER-USER repeats the forwarding ban.
import fs from 'node:fs';
import { run } from '../lib/run';

export const BRIDGE_PREFIX = 'nlb-';
const CHAIN = 'NETLAB-INPUT';

async function iptables(bin: string, args: string[]) {
  return run(bin, ['-w', ...args]);
}

/** Adds a rule unless it is already there (iptables -C), so start-up can run any number of times. */
async function ensureRule(bin: string, table: string[], chain: string, rule: string[], insert = false) {
  if ((await iptables(bin, [...table, '-C', chain, ...rule])).code === 0) return;
  const r = await iptables(bin, [...table, insert ? '-I' : '-A', chain, ...rule]);
  if (r.code !== 0) throw new Error(`${bin} ${chain} ${rule.join(' ')}: ${r.stderr.trim()}`);
}

export async function installHostIsolation(): Promise<void> {
  const binaries = ['iptables', 'ip6tables'].filter((b) =>
    ['/usr/sbin/', '/sbin/', '/usr/bin/'].some((d) => fs.existsSync(d + b)),
  );
  if (process.getuid?.() !== 0 || binaries.length === 0) {
    console.warn('[isolation] not root or no iptables: sandboxes are NOT kept off the host ports');
    return;
  }
  const match = ['-i', `${BRIDGE_PREFIX}+`];
  for (const bin of binaries) {
    await iptables(bin, ['-N', CHAIN]); // fails harmlessly when it exists
    await ensureRule(bin, [], CHAIN, ['-j', 'DROP']);
    await ensureRule(bin, [], 'INPUT', [...match, '-j', CHAIN], true);
    if ((await iptables(bin, ['-L', 'DOCKER-USER', '-n'])).code === 0) {
      await ensureRule(bin, [], 'DOCKER-USER', [...match, '-j', 'DROP'], true);
      await ensureRule(bin, [], 'DOCKER-USER', ['-o', `${BRIDGE_PREFIX}+`, '-j', 'DROP'], true);
    }
  }
}

/**
 * Picks the first free /28 of the pool (a /16 such as 10.213.0.0/16) that overlaps none of the subnets
 * already in use on the engine. A /28 holds the gateway and the one sandbox, with room to spare.
 */
export function allocateSubnet(pool: string, used: string[]): { subnet: string; gateway: string; sandboxIp: string } {
  const [a, b] = pool.split('.').map(Number) as [number, number];
  const usedRanges = used.map(cidrRange).filter((r): r is [number, number] => r !== null);
  for (let i = 0; i < 4096; i++) {
    const base = ((a << 24) | (b << 16) | (i << 4)) >>> 0;
    const end = base + 15;
    if (usedRanges.some(([s, e]) => s <= end && base <= e)) continue;
    return { subnet: `${ipString(base)}/28`, gateway: ipString(base + 1), sandboxIp: ipString(base + 2) };
  }
  throw new Error(`no free /28 left in ${pool}`);
}

function cidrRange(cidr: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return null;
  const ip = ((+m[1]! << 24) | (+m[2]! << 16) | (+m[3]! << 8) | +m[4]!) >>> 0;
  const bits = +m[5]!;
  const size = bits === 0 ? 2 ** 32 : 2 ** (32 - bits);
  const start = ip - (ip % size);
  return [start, start + size - 1];
}

function ipString(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
