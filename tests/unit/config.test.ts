import { describe, expect, it } from 'vitest';
import { loadConfig } from '@/lib/config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      poolSize: 2,
      idleTimeoutMs: 20 * 60 * 1000,
      lifetimeMs: 2 * 60 * 60 * 1000,
      sandboxMemoryMiB: 768,
      sandboxPids: 2048,
      sandboxCpus: 1,
      subnetPool: '10.213.0.0/16',
    });
  });

  it('reads overrides from the environment', () => {
    const c = loadConfig({ PORT: '3100', NETLAB_POOL_SIZE: '0', NETLAB_IDLE_TIMEOUT_S: '5', NETLAB_SANDBOX_CPUS: '0.5' });
    expect(c.port).toBe(3100);
    expect(c.poolSize).toBe(0);
    expect(c.idleTimeoutMs).toBe(5000);
    expect(c.sandboxCpus).toBe(0.5);
  });

  it('names every invalid variable', () => {
    expect(() => loadConfig({ NETLAB_POOL_SIZE: 'many', NETLAB_SUBNET_POOL: '10.0.0.0/8' })).toThrow(
      /NETLAB_POOL_SIZE[\s\S]*NETLAB_SUBNET_POOL/,
    );
  });
});
