// One real sandbox: its inner engine, the platform's images, offline behaviour and the limits it runs under.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SandboxHandle } from '@/sandbox/backend';
import { containerInfo, testBackend, testConfig } from '../support/engine';

const config = testConfig('it-sandbox');
const backend = testBackend(config);
const sh = (script: string) => backend.exec(sandbox, script);
let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await backend.create(config.poolName);
});
afterAll(async () => {
  if (sandbox) await backend.destroy(sandbox.id);
});

describe('a sandbox', () => {
  it('runs its own engine on overlay2 with docker0 at 172.17.0.1/16, as in the documents', async () => {
    const info = await sh("docker info -f '{{.Driver}}' && ip -4 -o addr show docker0");
    expect(info.code).toBe(0);
    expect(info.output).toMatch(/^overlay2$/m);
    expect(info.output).toMatch(/inet 172\.17\.0\.1\/16/);
  });

  it('runs nginx from the platform images and curl fetches its welcome page', async () => {
    const r = await sh(
      `docker run -d --name web nginx >/dev/null && ip=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' web) &&
       echo "ip=$ip" && for i in $(seq 1 50); do curl -s --max-time 1 "http://$ip/" && break; sleep 0.1; done`,
    );
    expect(r.code).toBe(0);
    expect(r.output).toMatch(/ip=172\.17\.\d+\.\d+/);
    expect(r.output).toContain('<title>Welcome to nginx!</title>');
  });

  it('runs busybox on the default bridge, which reaches docker0', async () => {
    const r = await sh('docker run --rm busybox ping -c1 -W2 172.17.0.1');
    expect(r.code).toBe(0);
    expect(r.output).toContain('1 packets received');
  });

  it('refuses at once, with a clear message, to pull an image the platform lacks', async () => {
    const t0 = Date.now();
    const r = await sh('docker pull tomcat');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain('tomcat is not available. NetLab sandboxes are offline');
    expect(r.output).toMatch(/images you can use are: .*busybox.*nginx/);
    expect(Date.now() - t0).toBeLessThan(3000);
  });

  it('says an image it has needs no pull', async () => {
    const r = await sh('docker pull nginx');
    expect(r.code).toBe(0);
    expect(r.output).toContain('nginx is already in this sandbox');
  });

  it('fails fast (no DNS wait) when `docker run` names an unknown image', async () => {
    const t0 = Date.now();
    const r = await sh('docker run --rm tomcat true');
    expect(r.code).not.toBe(0);
    expect(r.output).toContain("Unable to find image 'tomcat:latest' locally");
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('fails name lookups of the outside world at once (nothing answers DNS)', async () => {
    const t0 = Date.now();
    const r = await sh('getent hosts debian.org');
    expect(r.code).not.toBe(0);
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('runs under the configured limits, as the engine reports them and the learner reads them', async () => {
    const info = await containerInfo(sandbox);
    expect(info.HostConfig.Memory).toBe(768 * 1024 * 1024);
    expect(info.HostConfig.MemorySwap).toBe(768 * 1024 * 1024);
    expect(info.HostConfig.PidsLimit).toBe(2048);
    expect(info.HostConfig.NanoCpus).toBe(1e9);
    expect(info.HostConfig.Privileged).toBe(false);
    const inside = await sh('cat /sys/fs/cgroup/memory/memory.limit_in_bytes /sys/fs/cgroup/pids/pids.max /sys/fs/cgroup/cpu/cpu.cfs_quota_us');
    expect(inside.output.split('\n').slice(0, 3)).toEqual([String(768 * 1024 * 1024), '2048', '100000']);
  });

  it("gives the learner a whole root machine: root's own /etc and /root, and every tool the lessons use", async () => {
    const r = await sh(`set -e
      id -un; stat -c '%U %a' /etc /root
      touch /etc/netlab-test /root/netlab-test && echo wrote-etc-and-root
      for tool in docker ip brctl iptables tcpdump ethtool tmux; do command -v $tool >/dev/null || echo "missing $tool"; done
      docker images --format '{{.Repository}}' | sort | paste -sd, -
      ip netns add t1 && ip link add v0 type veth peer name v1 && ip link set v1 netns t1
      ip netns exec t1 ip -br link show v1 | cut -d' ' -f1
      brctl addbr br9 && brctl show br9 | tail -n1 | cut -f1
      iptables -t nat -N NETLAB-TEST && iptables -t nat -S NETLAB-TEST
      ethtool -i v0 | head -n1
      (timeout 5 tcpdump -ni lo -c 1 icmp 2>/dev/null | grep -c ICMP) & sleep 1; ping -c1 -W1 127.0.0.1 >/dev/null; wait`);
    expect(r.code, r.output).toBe(0);
    expect(r.output.split('\n')).toEqual([
      'root',
      'root 755',
      'root 700',
      'wrote-etc-and-root',
      'busybox,nginx',
      'v1@if' + r.output.match(/v1@if(\d+)/)![1],
      'br9',
      '-N NETLAB-TEST',
      'driver: veth',
      '1',
      '',
    ]);
  });

  it("runs the documents' own commands as typed: sudo as root, curl inside nginx", async () => {
    // Document 002 types `sudo docker …` and `sudo ip …`; document 000 curls one nginx from another.
    const r = await sh(`set -e
      sudo docker network create doc-net >/dev/null
      sudo docker run -d --name doc-ng1 --net doc-net nginx >/dev/null
      sudo docker run -d --name doc-ng2 --net doc-net nginx >/dev/null
      sudo ip link add doc-a type veth peer name doc-b && sudo ip -br link show doc-a | cut -d' ' -f1
      for i in $(seq 1 50); do docker exec doc-ng2 curl -s --max-time 1 http://doc-ng1 && break; sleep 0.1; done`);
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('doc-a@doc-b');
    expect(r.output).toContain('<title>Welcome to nginx!</title>');
    expect(r.output).not.toMatch(/sudo:/);
  });

  it('names its host after the sandbox, for the prompt', async () => {
    const r = await sh('hostname');
    expect(r.output.trim()).toBe(sandbox.hostname);
    expect(sandbox.hostname).toMatch(/^lab-[0-9a-f]{6}$/);
  });
});
