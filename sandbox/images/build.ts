// Builds NetLab's images on the host engine from Debian packages (no registry): each recipe fills a root
// filesystem, which is imported as an image labelled with the hash of its recipe. An image whose label
// matches its recipe's hash is not built again. The sandbox's root filesystem is also kept on the host as
// the learner tree: the read-only lower layer of every learner's root (see sandbox/images/sandbox).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type Docker from 'dockerode';
import type { Config } from '../../lib/config';
import { ensureDebianPackages } from '../../lib/debian';
import { run, runWithProgress } from '../../lib/run';

const RECIPES_DIR = path.dirname(fileURLToPath(import.meta.url));
/** Files every recipe may source; part of each recipe's hash. */
const SHARED_FILES = ['download-debs.sh'];
const RECIPE_LABEL = 'netlab.recipe';

export type ImageSpec = {
  /** Name on the host engine; inside a sandbox the `netlab/` prefix is dropped. */
  name: string;
  recipe: string;
  /** Dockerfile instructions applied on import (CMD, EXPOSE, ENV…). */
  changes: string[];
  /** Images saved into this one's /opt/netlab/images, to be loaded by its inner engine. */
  bundles?: string[];
  /** Keep the root filesystem on the host as the learner tree (see learnerTreeDir). */
  learnerTree?: boolean;
};

export const LESSON_IMAGES: ImageSpec[] = [
  { name: 'netlab/busybox', recipe: 'busybox', changes: ['CMD ["sh"]'] },
  {
    name: 'netlab/nginx',
    recipe: 'nginx',
    changes: ['EXPOSE 80', 'CMD ["nginx", "-g", "daemon off;"]'],
  },
];

export const SANDBOX_IMAGE: ImageSpec = {
  name: 'netlab/sandbox',
  recipe: 'sandbox',
  changes: [
    'ENV LANG=C.UTF-8',
    'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    'WORKDIR /root',
    'CMD ["/usr/local/sbin/netlab-init"]',
  ],
  bundles: LESSON_IMAGES.map((i) => i.name),
  learnerTree: true,
};

/** Where the learner tree of an image built from the recipe with this hash is kept. */
function learnerTreeDir(config: Config, hash: string): string {
  return path.join(config.dataDir, 'learner-tree', hash);
}

/** The learner tree that goes with the sandbox image on the engine now. */
export async function learnerTreeOf(docker: Docker, config: Config): Promise<string> {
  const hash = await labelOf(docker, SANDBOX_IMAGE.name);
  const dir = hash && learnerTreeDir(config, hash);
  if (!dir || !fs.existsSync(dir)) throw new Error(`the learner tree of ${SANDBOX_IMAGE.name} is missing: run npm run images`);
  return dir;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The hash of everything a recipe's result depends on: its files, the shared files, its changes, its bundles. */
function recipeHash(spec: ImageSpec, bundleHashes: string[], mirror: string): string {
  const h = crypto.createHash('sha256');
  const recipeDir = path.join(RECIPES_DIR, spec.recipe);
  for (const file of [...filesUnder(recipeDir), ...SHARED_FILES.map((f) => path.join(RECIPES_DIR, f))]) {
    h.update(path.relative(RECIPES_DIR, file)).update('\0');
    const stat = fs.lstatSync(file);
    h.update(stat.isSymbolicLink() ? fs.readlinkSync(file) : fs.readFileSync(file));
    h.update(String(stat.mode & 0o111)).update('\0');
  }
  h.update(JSON.stringify({ changes: spec.changes, bundleHashes, mirror }));
  return h.digest('hex').slice(0, 24);
}

async function labelOf(docker: Docker, name: string): Promise<string | undefined> {
  try {
    const info = await docker.getImage(name).inspect();
    return info.Config?.Labels?.[RECIPE_LABEL];
  } catch {
    return undefined;
  }
}

/** The name a platform image has inside a sandbox: `netlab/nginx` is plain `nginx` there. */
function nameInSandbox(name: string): string {
  return name.replace(/^netlab\//, '');
}

/**
 * `docker save`s the images into a folder in docker-archive layout (to be tarred into the sandbox image),
 * renamed to their names inside the sandbox, so the inner engine loads them ready to use.
 */
async function saveImagesForSandbox(docker: Docker, names: string[], dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  // `docker save` of several images at once (dockerode has it, its type definitions do not).
  const saver = docker as Docker & { getImages(opts: { names: string[] }): Promise<NodeJS.ReadableStream> };
  const stream = await saver.getImages({ names });
  const untar = spawn('tar', ['-x', '-C', dir], { stdio: ['pipe', 'inherit', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    untar.on('error', reject);
    untar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`tar -x exited ${code}`))));
    stream.pipe(untar.stdin!);
  });
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { RepoTags?: string[] }[];
  for (const entry of manifest) entry.RepoTags = entry.RepoTags?.map(nameInSandbox);
  fs.writeFileSync(manifestFile, JSON.stringify(manifest));
  const reposFile = path.join(dir, 'repositories');
  if (fs.existsSync(reposFile)) {
    const repos = JSON.parse(fs.readFileSync(reposFile, 'utf8')) as Record<string, unknown>;
    fs.writeFileSync(reposFile, JSON.stringify(Object.fromEntries(Object.entries(repos).map(([k, v]) => [nameInSandbox(k), v]))));
  }
}

async function importRootfs(docker: Docker, rootfs: string, spec: ImageSpec, hash: string): Promise<void> {
  const tar = spawn('tar', ['-C', rootfs, '--numeric-owner', '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [repo, tag = 'latest'] = spec.name.split(':') as [string, string?];
  const changes = [...spec.changes, `LABEL ${RECIPE_LABEL}=${hash}`];
  const response = await docker.importImage(tar.stdout!, { repo, tag, changes } as object);
  await new Promise<void>((resolve, reject) =>
    docker.modem.followProgress(response, (err: Error | null) => (err ? reject(err) : resolve())),
  );
}

async function buildOne(docker: Docker, config: Config, spec: ImageSpec, hash: string): Promise<void> {
  const label = `image ${spec.name}`;
  console.log(`[images] building ${spec.name} (recipe ${spec.recipe}, hash ${hash})`);
  const started = Date.now();
  const work = path.join(config.dataDir, 'build', spec.recipe);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.mkdirSync(config.cacheDir, { recursive: true });
  await runWithProgress(label, 'bash', [path.join(RECIPES_DIR, spec.recipe, 'recipe.sh')], {
    env: { ...process.env, OUT: work, CACHE: config.cacheDir, DEBIAN_MIRROR: config.debianMirror },
  });
  if (spec.bundles?.length) {
    console.log(`[${label}] bundling ${spec.bundles.join(', ')}`);
    const archive = path.join(config.dataDir, 'build', 'platform-images');
    fs.rmSync(archive, { recursive: true, force: true });
    await saveImagesForSandbox(docker, spec.bundles, archive);
    fs.mkdirSync(path.join(work, 'opt/netlab/images'), { recursive: true });
    const tar = await run('tar', ['-C', archive, '-cf', path.join(work, 'opt/netlab/images/platform-images.tar'), '.']);
    if (tar.code !== 0) throw new Error(`bundling images: ${tar.stderr}`);
    fs.rmSync(archive, { recursive: true, force: true });
  }
  console.log(`[${label}] importing into the engine`);
  await importRootfs(docker, work, spec, hash);
  if (spec.learnerTree) keepLearnerTree(config, work, hash);
  fs.rmSync(work, { recursive: true, force: true });
  console.log(`[${label}] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** Moves the built root filesystem into place as the learner tree (a rename: never half there), and removes older ones. */
function keepLearnerTree(config: Config, work: string, hash: string): void {
  const dir = learnerTreeDir(config, hash);
  const parent = path.dirname(dir);
  fs.mkdirSync(parent, { recursive: true });
  for (const old of fs.readdirSync(parent)) fs.rmSync(path.join(parent, old), { recursive: true, force: true });
  fs.renameSync(work, dir);
}

/** Builds whichever of the platform's images are missing or out of date; quick when all are current. */
export async function ensureImages(docker: Docker, config: Config): Promise<void> {
  const hashes = new Map<string, string>();
  for (const spec of [...LESSON_IMAGES, SANDBOX_IMAGE]) {
    const bundleHashes = (spec.bundles ?? []).map((b) => hashes.get(b)!);
    const hash = recipeHash(spec, bundleHashes, config.debianMirror);
    hashes.set(spec.name, hash);
    const current = (await labelOf(docker, spec.name)) === hash;
    if (current && (!spec.learnerTree || fs.existsSync(learnerTreeDir(config, hash)))) continue;
    await ensureDebianPackages(['debootstrap', 'gcc', 'libc6-dev'], 'building the sandbox images from Debian packages');
    await buildOne(docker, config, spec, hash);
  }
}
