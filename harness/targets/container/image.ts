/**
 * The merchant image for `--target container`, built from local files only: no base image is pulled.
 * It is `FROM scratch` with this machine's Node binary and the shared libraries it links (`ldd`), a
 * minimal /etc and /tmp, and the app under /app: package.json, harness/, fixtures/ and the
 * production part of node_modules. It is built as three images, each on the previous one:
 * `deadend-shop-base` (Node, libraries, /etc, /tmp), `deadend-shop-deps` (node_modules) and
 * `deadend-shop` (the app and its command), so that editing the app rebuilds only a small image.
 * Each stage's Dockerfile and a staged copy of its files (hard links where possible) go into a
 * temporary build context; the repository is never written to.
 *
 * Each tag is a hash of the stage's inputs (file contents, Dockerfile, hence the tag it is built on):
 * `deadend-shop:<hash>`. A stage whose tag exists is not built again. A team that ships its own merchant image passes
 * `image` instead and nothing is built.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { COMPILED, packageRoot } from '../../core/modulePath.ts';
import { dockerClient } from './engine.ts';

export const DEFAULT_REPOSITORY = 'deadend-shop';
/** The reference shop, relative to /app. */
export const DEFAULT_COMMAND = COMPILED
  ? ['node', 'dist/fixtures/shop/main.js']
  : ['node', 'fixtures/shop/main.ts'];
/** What goes under /app besides node_modules, relative to the repository root. */
export const DEFAULT_APP_PATHS = COMPILED
  ? ['package.json', 'dist', 'fixtures']
  : ['package.json', 'harness', 'fixtures'];

/**
 * Packages never needed by the running shop, even where npm does not mark them dev-only (peer
 * dependencies of dev tools are not marked): the Node distribution itself (its binary is copied to
 * /usr/local/bin), compilers, bundlers, test runners, linters, browsers, type declarations.
 */
const DEV_ONLY = [
  'node',
  'typescript',
  'vite',
  'vitest',
  '@vitest/*',
  'rolldown',
  '@rolldown/*',
  '@oxc-project/*',
  'esbuild',
  '@esbuild/*',
  'lightningcss',
  'lightningcss-*',
  'postcss',
  '@types/*',
  '@biomejs/*',
  '@playwright/*',
  'playwright',
  'playwright-core',
  'testcontainers',
  '@testcontainers/*',
];

export interface ShopImageOptions {
  /** A team's own merchant image (`name[:tag]`): returned as is, nothing is built. */
  image?: string;
  /** Repository root to take package.json, harness/, fixtures/ and node_modules from (default: this one). */
  root?: string;
  /** The container's command, run in /app (default: the reference shop, `node fixtures/shop/main.ts`). */
  command?: string[];
  /** Paths under `root` copied to /app (default: package.json, harness, fixtures). */
  appPaths?: string[];
  /** The Node binary put into the image (default: the `node` devDependency's, else this process's). */
  nodeBinary?: string;
  /** Image repository (default `deadend-shop`); the tag is the inputs' hash. */
  repository?: string;
  /** Build even if an image with the same inputs exists. */
  rebuild?: boolean;
}

export interface ShopImage {
  /** `repository:tag`, to pass to startMerchantContainer. */
  image: string;
  /** False when an existing image was reused (same inputs) or the team's own image was given. */
  built: boolean;
  /** The inputs' hash (the tag); absent for a team's own image. */
  hash?: string;
}

/** One path of the build context. */
type Entry =
  | { kind: 'file'; dest: string; src: string }
  | { kind: 'text'; dest: string; text: string }
  | { kind: 'dir'; dest: string; mode: number }
  | { kind: 'symlink'; dest: string; target: string };

const repoRoot = packageRoot;

export async function buildShopImage(opts: ShopImageOptions = {}): Promise<ShopImage> {
  if (opts.image) return { image: opts.image, built: false };
  const root = opts.root ?? repoRoot();
  const repository = opts.repository ?? DEFAULT_REPOSITORY;
  // Three images, each FROM the previous one, so that an edit of the app sends the engine a small
  // build context instead of Node and node_modules again: base (Node, its libraries, /etc, /tmp),
  // deps (the production node_modules), app (harness/, fixtures/, package.json, the command).
  const stages: Stage[] = [
    {
      kind: 'base',
      repository: `${repository}-base`,
      dir: 'rootfs',
      entries: runtimeEntries(opts.nodeBinary ?? defaultNodeBinary(root)),
      dockerfile: () => ['FROM scratch', 'COPY rootfs/ /', 'ENV HOME=/tmp PATH=/usr/local/bin:/usr/bin:/bin'],
    },
    {
      kind: 'deps',
      repository: `${repository}-deps`,
      dir: 'modules',
      entries: moduleEntries(root),
      dockerfile: (from) => [`FROM ${from}`, 'COPY modules/ /app/'],
    },
    {
      kind: 'app',
      repository,
      dir: 'app',
      entries: appEntries(root, opts.appPaths ?? DEFAULT_APP_PATHS),
      dockerfile: (from) => [
        `FROM ${from}`,
        'COPY app/ /app/',
        'WORKDIR /app',
        'USER 65534:65534',
        `CMD ${JSON.stringify(opts.command ?? DEFAULT_COMMAND)}`,
      ],
    },
  ];
  let from = '';
  let built = false;
  let hash = '';
  for (const stage of stages) {
    const dockerfile = `${stage.dockerfile(from).join('\n')}\n`;
    hash = inputsHash(stage.entries, dockerfile);
    const image = `${stage.repository}:${hash}`;
    // A stage built anew rebuilds the ones after it only if their inputs changed: its tag is in their FROM.
    if (opts.rebuild || !(await imageExists(image))) {
      await buildStage(image, stage, dockerfile, {
        [IMAGE_LABEL]: stage.kind,
        [FROM_LABEL]: from,
        'deadend.inputs': hash,
      });
      built = stage.kind === 'app' || built;
    }
    from = image;
  }
  return { image: from, built, hash };
}

interface Stage {
  kind: 'base' | 'deps' | 'app';
  repository: string;
  /** The context folder its entries are under. */
  dir: string;
  entries: Entry[];
  dockerfile(from: string): string[];
}

async function buildStage(
  image: string,
  stage: Stage,
  dockerfile: string,
  labels: Record<string, string>,
): Promise<void> {
  const docker = (await dockerClient()).container.dockerode;
  const context = mkdtempSync(join(tmpdir(), 'deadend-image-'));
  try {
    stageFiles(context, stage.entries);
    mkdirSync(join(context, stage.dir), { recursive: true });
    writeFileSync(join(context, 'Dockerfile'), dockerfile);
    const stream = await docker.buildImage(
      { context, src: ['Dockerfile', stage.dir] },
      { t: image, labels, rm: true, forcerm: true },
    );
    const output = await new Promise<BuildEvent[]>((resolve, reject) =>
      docker.modem.followProgress(stream, (error: Error | null, events: BuildEvent[]) =>
        error ? reject(error) : resolve(events),
      ),
    );
    const failed = output.find((e) => e.error || e.errorDetail);
    if (failed || !(await imageExists(image))) {
      const log = output.map((e) => e.stream ?? e.error ?? e.errorDetail?.message ?? '').join('');
      throw new Error(`docker build of ${image} failed:\n${log.trim()}`);
    }
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** Images built here carry it, valued base, deps or app. */
const IMAGE_LABEL = 'deadend.image';
/** The image a stage is built on (empty for base). */
const FROM_LABEL = 'deadend.from';

interface BuildEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
}

/** Whether the engine has an image of that name. */
export async function imageExists(image: string): Promise<boolean> {
  const docker = (await dockerClient()).container.dockerode;
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}

/** Removes an image (a measurement's cold start, a test's clean-up); a missing image is not an error. */
export async function removeImage(image: string): Promise<void> {
  const docker = (await dockerClient()).container.dockerode;
  try {
    await docker.getImage(image).remove({ force: true });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
}

/**
 * Removes the images buildShopImage built (all three stages), but `except` and the images it is
 * built on; images a container still uses are left. Each change of the inputs leaves images behind: call
 * this to reclaim the space. Returns the removed names.
 */
export async function removeShopImages(opts: { except?: string } = {}): Promise<string[]> {
  const docker = (await dockerClient()).container.dockerode;
  const keep = new Set<string>();
  for (let name = opts.except; name && !keep.has(name); ) {
    keep.add(name);
    name = (await imageExists(name))
      ? (await docker.getImage(name).inspect()).Config.Labels?.[FROM_LABEL]
      : undefined;
  }
  const removed: string[] = [];
  // An image another one is built on cannot go first: apps, then deps, then bases.
  for (const kind of ['app', 'deps', 'base']) {
    const images = await docker.listImages({ filters: { label: [`${IMAGE_LABEL}=${kind}`] } });
    for (const name of images.flatMap((i) => i.RepoTags ?? [])) {
      if (keep.has(name) || name === '<none>:<none>') continue;
      try {
        await docker.getImage(name).remove();
        removed.push(name);
      } catch {
        // in use by a container, or removed meanwhile
      }
    }
  }
  return removed;
}

function defaultNodeBinary(root: string): string {
  const pinned = join(root, 'node_modules', 'node', 'bin', 'node');
  return existsSync(pinned) ? pinned : process.execPath;
}

/** Node, the libraries it links, /etc and /tmp, under rootfs/. */
function runtimeEntries(nodeBinary: string): Entry[] {
  if (process.platform !== 'linux') {
    throw new Error(
      `The shop image is built from this machine's Node binary, which only works on Linux (this is ${process.platform}): pass your own merchant image instead.`,
    );
  }
  const entries: Entry[] = [
    { kind: 'file', dest: 'rootfs/usr/local/bin/node', src: realpathSync(nodeBinary) },
    { kind: 'dir', dest: 'rootfs/tmp', mode: 0o1777 },
    {
      kind: 'text',
      dest: 'rootfs/etc/passwd',
      text: 'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534:nobody:/tmp:/sbin/nologin\n',
    },
    { kind: 'text', dest: 'rootfs/etc/group', text: 'root:x:0:\nnogroup:x:65534:\n' },
    {
      kind: 'text',
      dest: 'rootfs/etc/nsswitch.conf',
      text: 'passwd: files\ngroup: files\nhosts: files dns\n',
    },
  ];
  for (const lib of sharedLibraries(nodeBinary)) {
    entries.push({ kind: 'file', dest: `rootfs${lib}`, src: realpathSync(lib) });
  }
  return entries;
}

/** The absolute paths `ldd` resolves for a binary (the dynamic loader included). */
export function sharedLibraries(binary: string): string[] {
  const result = spawnSync('ldd', [binary], { encoding: 'utf8' });
  if (result.error) throw new Error(`ldd is needed to build the shop image: ${result.error.message}`);
  if (/not a dynamic executable/.test(`${result.stdout}${result.stderr}`)) return [];
  if (result.status !== 0) throw new Error(`ldd ${binary} failed: ${result.stderr.trim()}`);
  const libs: string[] = [];
  for (const line of result.stdout.split('\n')) {
    if (/=>\s*not found/.test(line))
      throw new Error(`${binary} needs a library this machine lacks: ${line.trim()}`);
    const path = /(?:=>\s*)?(\/\S+)\s+\(0x[0-9a-f]+\)/.exec(line)?.[1];
    if (path) libs.push(path);
  }
  return libs;
}

/** The production packages of node_modules, under modules/node_modules/. */
function moduleEntries(root: string): Entry[] {
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) throw new Error(`${modules} is missing: run \`npm install\` first.`);
  const entries: Entry[] = [];
  const add = (dir: string, skipNested: boolean) =>
    walk(join(root, dir), `modules/${dir}`, entries, (name) => !(skipNested && name === 'node_modules'));
  for (const dir of productionPackages(root)) add(dir, true);
  return entries;
}

/**
 * Package folders (`node_modules/x`, `node_modules/a/node_modules/b`) the app may load: from npm's
 * hidden lock file, every package not marked dev-only, less DEV_ONLY; without that file, every
 * top-level folder less DEV_ONLY (nested node_modules are then walked with their package).
 */
export function productionPackages(root: string): string[] {
  const lock = join(root, 'node_modules', '.package-lock.json');
  const devOnly = (dir: string) => {
    const name = dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length);
    return DEV_ONLY.some((p) =>
      p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p || name.startsWith(`${p}/`),
    );
  };
  if (existsSync(lock)) {
    const packages = (JSON.parse(readFileSync(lock, 'utf8')) as { packages: Record<string, PackageEntry> })
      .packages;
    const dirs = Object.entries(packages)
      .filter(([dir, p]) => dir.startsWith('node_modules/') && !p.dev && !p.link)
      .map(([dir]) => dir)
      .filter((dir) => existsSync(join(root, dir)));
    // A package nested under an excluded one goes with it.
    const excluded = dirs.filter(devOnly);
    return dirs.filter((dir) => !excluded.some((x) => dir === x || dir.startsWith(`${x}/`))).sort();
  }
  const top: string[] = [];
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    if (name.startsWith('@')) {
      for (const sub of readdirSync(join(root, 'node_modules', name)))
        top.push(`node_modules/${name}/${sub}`);
    } else top.push(`node_modules/${name}`);
  }
  return top.filter((dir) => !devOnly(dir)).sort();
}

interface PackageEntry {
  dev?: boolean;
  link?: boolean;
}

/** package.json, harness/, fixtures/ (test files left out), under app/. */
function appEntries(root: string, paths: string[]): Entry[] {
  const entries: Entry[] = [];
  const keep = (name: string) => !/\.(test|e2e)\.ts$/.test(name) && name !== 'node_modules';
  for (const path of paths) {
    const src = join(root, path);
    if (!existsSync(src)) continue;
    if (lstatSync(src).isDirectory()) walk(src, `app/${path}`, entries, keep);
    else entries.push({ kind: 'file', dest: `app/${path}`, src });
  }
  return entries;
}

function walk(dir: string, dest: string, out: Entry[], keep: (name: string) => boolean): void {
  for (const d of readdirSync(dir, { withFileTypes: true })) {
    if (!keep(d.name)) continue;
    const src = join(dir, d.name);
    const to = `${dest}/${d.name}`;
    if (d.isDirectory()) walk(src, to, out, keep);
    else if (d.isSymbolicLink()) out.push({ kind: 'symlink', dest: to, target: readlinkSync(src) });
    else if (d.isFile()) out.push({ kind: 'file', dest: to, src });
  }
}

/** sha256 of every entry's path, kind, mode and content, and the Dockerfile: 16 hex digits. */
function inputsHash(entries: Entry[], dockerfile: string): string {
  const hash = createHash('sha256').update(dockerfile);
  const sorted = [...entries].sort((a, b) => (a.dest < b.dest ? -1 : a.dest > b.dest ? 1 : 0));
  for (const e of sorted) {
    hash.update(`\0${e.kind}\0${e.dest}\0`);
    if (e.kind === 'file') {
      hash.update(String(lstatSync(e.src).mode & 0o111));
      hash.update(readFileSync(e.src));
    } else if (e.kind === 'text') hash.update(e.text);
    else if (e.kind === 'dir') hash.update(String(e.mode));
    else hash.update(e.target);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Writes the entries into the build context: hard links where possible, else copies. */
function stageFiles(context: string, entries: Entry[]): void {
  const made = new Set<string>();
  const mkdir = (dir: string) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
  for (const e of entries) {
    const to = join(context, ...e.dest.split('/'));
    if (e.kind === 'dir') {
      mkdir(to);
      chmodSync(to, e.mode);
      continue;
    }
    mkdir(dirname(to));
    if (e.kind === 'text') writeFileSync(to, e.text, { mode: 0o644 });
    else if (e.kind === 'symlink') symlinkSync(e.target, to);
    else if ((lstatSync(e.src).mode & 0o004) === 0) {
      // The container runs as nobody: a file only its owner can read is copied and opened up.
      copyFileSync(e.src, to);
      chmodSync(to, lstatSync(e.src).mode | 0o444);
    } else {
      try {
        linkSync(e.src, to);
      } catch {
        copyFileSync(e.src, to);
      }
    }
  }
}
