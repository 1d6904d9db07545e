// One real sandbox: its inner engine, the platform's images, offline behaviour and the limits it runs under.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, destroySandbox, type SandboxHandle } from '@/sandbox/sandbox';
import { engineDocker, sh, testConfig } from './helpers';

const docker = engineDocker();
const config = testConfig('it-sandbox');
let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await createSandbox(docker, config);
});
afterAll(async () => {
  if (sandbox) await destroySandbox(docker, sandbox.id);
});

describe('a sandbox', () => {
  it('runs its own engine on overlay2 with docker0 at 172.17.0.1/16, as in the documents', async () => {
    const info = await sh(docker, sandbox.containerId, "docker info -f '{{.Driver}}' && ip -4 -o addr show docker0");
    expect(info.code).toBe(0);
    expect(info.output).toMatch(/^overlay2$/m);
    expect(info.output).toMatch(/inet 172\.17\.0\.1\/16/);
  });

  it('runs nginx from the platform images and curl fetches its welcome page', async () => {
    const r = await sh(
      docker,
      sandbox.containerId,
      `docker run -d --name web nginx >/dev/null && ip=$(docker inspect -f '{{.NetworkSettings.IPAddress}}' web) &&
       echo "ip=$ip" && for i in $(seq 1 50); do curl -s --max-time 1 "http://$ip/" && break; sleep 0.1; done`,
    );
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/ip=172\.17\.\d+\.\d+/);
    expect(r.output).toContain('<title>Welcome to nginx!</title>');
  });

  it('runs busybox on the default bridge, which reaches docker0', async () => {
    const r = await sh(docker, sandbox.containerId, 'docker run --rm busybox ping -c1 -W2 172.17.0.1');
    expect(r.code).toBe(0);
    expect(r.output).toContain('1 packets received');
  });

  it('refuses at once, with a clear message, to pull an image the platform lacks', async () => {
    const t0 = Date.now();
    const r = await sh(docker, sandbox.containerId, 'docker pull tomcat');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('tomcat is not available. NetLab sandboxes are offline');
    expect(r.output).toMatch(/images you can use are: .*busybox.*nginx/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('says an image it has needs no pull', async () => {
    const r = await sh(docker, sandbox.containerId, 'docker pull nginx');
    expect(r.code).toBe(0);
    expect(r.output).toContain('nginx is already in this sandbox');
  });

  it('fails fast (no DNS wait) when `docker run` names an unknown image', async () => {
    const t0 = Date.now();
    const r = await sh(docker, sandbox.containerId, 'docker run --rm tomcat true');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("Unable to find image 'tomcat:latest' locally");
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('fails name lookups of the outside world at once (nothing answers DNS)', async () => {
    const t0 = Date.now();
    const r = await sh(docker, sandbox.containerId, 'getent hosts debian.org');
    expect(r.code).not.toBe(0);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('runs under the configured limits, as the engine reports them', async () => {
    const info = await docker.getContainer(sandbox.containerId).inspect();
    expect(info.HostConfig.Memory).toBe(768 * 1024 * 1024);
    expect(info.HostConfig.MemorySwap).toBe(768 * 1024 * 1024);
    expect(info.HostConfig.PidsLimit).toBe(2048);
    expect(info.HostConfig.NanoCpus).toBe(1e9);
    expect(info.HostConfig.Privileged).toBe(false);
    const inside = await sh(docker, sandbox.containerId, 'cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/pids/pids.max');
    expect(inside.output.split('\n').slice(0, 2)).toEqual([String(768 * 1024 * 1024), '2048']);
  });

  it("cannot read the host's disk and cannot load kernel modules", async () => {
    // The block device that holds the host's root filesystem: readable here on the host, not in the sandbox.
    const dev = fs.statSync('/').dev;
    const [major, minor] = [(dev >> 8) & 0xfff, (dev & 0xff) | ((dev >> 12) & 0xfff00)];
    const r = await sh(
      docker,
      sandbox.containerId,
      `mknod /tmp/disk b ${major} ${minor} && (head -c1 /tmp/disk >/dev/null && echo READ || echo DENIED); grep CapEff /proc/self/status`,
    );
    expect(r.output).toContain('DENIED');
    expect(r.output).toMatch(/Operation not permitted/);
    const capEff = BigInt('0x' + /CapEff:\s*([0-9a-f]+)/.exec(r.output)![1]);
    const CAP_SYS_MODULE = 16n;
    expect(capEff & (1n << CAP_SYS_MODULE)).toBe(0n);
  });

  it('names its host after the sandbox, for the prompt', async () => {
    const r = await sh(docker, sandbox.containerId, 'hostname');
    expect(r.output.trim()).toBe(sandbox.hostname);
    expect(sandbox.hostname).toMatch(/^lab-[0-9a-f]{6}$/);
  });
});
