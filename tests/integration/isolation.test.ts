// Two real sandboxes cannot reach each other, nor the host's ports, nor anything outside. Every "cannot"
// has a positive control beside it, so a broken test setup cannot pass for isolation.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '@/sandbox/backend';
import { containerInfo, engineDocker, testBackend, testConfig } from '../support/engine';

const docker = engineDocker();
const config = testConfig('it-isolation');
const backend = testBackend(config, docker);
type Box = { handle: SandboxHandle; ip: string; gateway: string; containerId: string };
const sh = (box: Box, script: string) => backend.exec(box.handle, script);
let a: Box;
let b: Box;
let hostServer: net.Server;
let hostPort: number;

async function describeBox(handle: SandboxHandle): Promise<Box> {
  const info = await containerInfo(handle, docker);
  const net = Object.values(info.NetworkSettings.Networks)[0]!;
  return { handle, ip: net.IPAddress, gateway: net.Gateway, containerId: info.Id };
}

/** Serves nginx on the sandbox's port 8080 (docker-proxy listens on all its addresses) and waits for it. */
async function serveOn8080(box: Box) {
  const r = await sh(
    box,
    `docker run -d -p 8080:80 nginx >/dev/null && for i in $(seq 1 50); do curl -sf -o /dev/null --max-time 1 http://${box.ip}:8080/ && exit 0; sleep 0.1; done; exit 1`,
  );
  expect(r.code, r.output).toBe(0);
}

beforeAll(async () => {
  const [ha, hb] = await Promise.all([backend.create(config.poolName), backend.create(config.poolName)]);
  [a, b] = await Promise.all([describeBox(ha), describeBox(hb)]);
  await Promise.all([serveOn8080(a), serveOn8080(b)]);
  hostServer = net.createServer((s) => s.end('host service\n'));
  await new Promise<void>((r) => hostServer.listen(0, '0.0.0.0', r));
  hostPort = (hostServer.address() as net.AddressInfo).port;
});

afterAll(async () => {
  hostServer?.close();
  await Promise.all([a, b].filter(Boolean).map((x) => backend.destroy(x.handle.id)));
});

describe('sandbox isolation', () => {
  it('puts each sandbox alone on its own internal network, outside 172.17/16 and 192.168/16', async () => {
    expect(a.ip).not.toBe(b.ip);
    for (const box of [a, b]) {
      expect(box.ip).toMatch(/^10\.213\./);
      const net = await docker.getNetwork(Object.keys((await containerInfo(box.handle, docker)).NetworkSettings.Networks)[0]!).inspect();
      expect(net.Internal).toBe(true);
      expect(Object.keys(net.Containers ?? {})).toEqual([box.containerId]);
    }
  });

  it('has no route to the outside world (route lookup only; no packet is sent)', async () => {
    const r = await sh(a, 'ip route get 192.0.2.10');
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/Network is unreachable/);
  });

  it('reaches its own service (positive control)', async () => {
    for (const box of [a, b]) {
      const r = await sh(box, `curl -s --max-time 2 http://${box.ip}:8080/`);
      expect(r.output).toContain('<title>Welcome to nginx!</title>');
    }
  });

  it('cannot ping or connect to another sandbox, both ways, even with a default route added', async () => {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ] as const) {
      await sh(from, `ip route replace default via ${from.gateway}`);
      const ping = await sh(from, `ping -c1 -W1 ${to.ip}`);
      expect(ping.code, `ping ${from.ip} → ${to.ip}`).not.toBe(0);
      const tcp = await sh(from, `curl -s --max-time 2 http://${to.ip}:8080/`);
      expect(tcp.code, `tcp ${from.ip} → ${to.ip}:8080`).not.toBe(0);
    }
  });

  it("cannot reach the host's services, though the host itself can (positive control)", async () => {
    const fromHost = await new Promise<string>((resolve, reject) => {
      const s = net.connect(hostPort, a.gateway, () => undefined);
      s.on('data', (d) => resolve(d.toString()));
      s.on('error', reject);
    });
    expect(fromHost).toBe('host service\n');
    for (const box of [a, b]) {
      const r = await sh(box, `curl -s --max-time 2 telnet://${box.gateway}:${hostPort} </dev/null`);
      expect(r.output).not.toContain('host service');
      expect(r.code).not.toBe(0);
      const ping = await sh(box, `ping -c1 -W1 ${box.gateway}`);
      expect(ping.code).not.toBe(0);
    }
  });
});
