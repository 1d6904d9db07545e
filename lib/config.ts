// Every setting NetLab reads from the environment, parsed once and validated, so a typo fails at start-up
// with the variable's name instead of misbehaving later. README's "Configuration" lists the same variables.
import path from 'node:path';
import os from 'node:os';
import { z } from 'zod';

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const EnvSchema = z.object({
  PORT: int(3000),
  HOST: z.string().default('0.0.0.0'),
  NETLAB_DATA_DIR: z.string().default(path.join(process.cwd(), '.data')),
  NETLAB_DB_PATH: z.string().optional(),
  NETLAB_CACHE_DIR: z.string().default(path.join(os.homedir(), '.cache', 'netlab')),
  NETLAB_DEBIAN_MIRROR: z.string().url().default('http://deb.debian.org/debian'),
  NETLAB_POOL_NAME: z
    .string()
    .regex(/^[a-z0-9-]{1,20}$/, 'lower-case letters, digits and dashes, at most 20')
    .default('default'),
  NETLAB_POOL_SIZE: z.coerce.number().int().min(0).default(2),
  NETLAB_MAX_SANDBOXES: int(8),
  NETLAB_IDLE_TIMEOUT_S: int(20 * 60),
  NETLAB_LIFETIME_S: int(2 * 60 * 60),
  NETLAB_SANDBOX_MEMORY_MIB: int(768),
  NETLAB_SANDBOX_PIDS: int(2048),
  NETLAB_SANDBOX_CPUS: z.coerce.number().positive().default(1),
  NETLAB_SUBNET_POOL: z
    .string()
    .regex(/^\d+\.\d+\.0\.0\/16$/, 'an IPv4 /16 such as 10.213.0.0/16')
    .default('10.213.0.0/16'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  dbPath: string;
  cacheDir: string;
  debianMirror: string;
  poolName: string;
  poolSize: number;
  maxSandboxes: number;
  idleTimeoutMs: number;
  lifetimeMs: number;
  sandboxMemoryMiB: number;
  sandboxPids: number;
  sandboxCpus: number;
  subnetPool: string;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`NetLab: invalid configuration in the environment:\n${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.NETLAB_DATA_DIR),
    dbPath: e.NETLAB_DB_PATH ? path.resolve(e.NETLAB_DB_PATH) : path.join(path.resolve(e.NETLAB_DATA_DIR), 'netlab.sqlite'),
    cacheDir: path.resolve(e.NETLAB_CACHE_DIR),
    debianMirror: e.NETLAB_DEBIAN_MIRROR,
    poolName: e.NETLAB_POOL_NAME,
    poolSize: e.NETLAB_POOL_SIZE,
    maxSandboxes: e.NETLAB_MAX_SANDBOXES,
    idleTimeoutMs: e.NETLAB_IDLE_TIMEOUT_S * 1000,
    lifetimeMs: e.NETLAB_LIFETIME_S * 1000,
    sandboxMemoryMiB: e.NETLAB_SANDBOX_MEMORY_MIB,
    sandboxPids: e.NETLAB_SANDBOX_PIDS,
    sandboxCpus: e.NETLAB_SANDBOX_CPUS,
    subnetPool: e.NETLAB_SUBNET_POOL,
  };
}
