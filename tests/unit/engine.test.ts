import { describe, expect, it } from 'vitest';
import { assertLocalEngine } from '@/sandbox/engine';

describe('assertLocalEngine', () => {
  it('accepts an engine on this machine: a unix socket or tcp to loopback', () => {
    for (const host of ['unix:///var/run/docker.sock', 'unix:///work/.data/engine/docker.sock', 'tcp://localhost:2375', 'tcp://127.0.0.1:2376', 'tcp://[::1]:2375']) {
      expect(() => assertLocalEngine(host), host).not.toThrow();
    }
  });

  it('refuses one on another machine, saying why and what to do', () => {
    for (const host of ['tcp://10.0.0.5:2375', 'ssh://builder@ci', 'tcp://docker.example.com:2376', 'tcp://localhost.example.com:2375']) {
      expect(() => assertLocalEngine(host), host).toThrow(/is not on this machine.*\/proc.*Unset DOCKER_HOST/s);
    }
  });
});
