/**
 * Times the container target's fixed costs: `npx node bench/container.ts [runs]`.
 * Prints the image build times (cold, after an app change, unchanged: skipped), the image size, and the
 * merchant container's start-to-healthy and stop times over `runs` starts (default 5). It runs the
 * reference shop when fixtures/shop/main.ts exists, else the tests' stand-in server.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dockerClient } from '../harness/targets/container/engine.ts';
import { buildShopImage, DEFAULT_COMMAND, removeShopImages } from '../harness/targets/container/image.ts';
import { startMerchantContainer } from '../harness/targets/container/merchantContainer.ts';

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 5);
const shop = existsSync(fileURLToPath(new URL('../fixtures/shop/main.ts', import.meta.url)));
const command = shop ? DEFAULT_COMMAND : ['node', 'harness/targets/container/testdata/healthServer.ts'];
const ms = (t: number) => `${Math.round(performance.now() - t)} ms`;

// Cold: no deadend image at all, so no layer to reuse. Warm: the layers of Node and node_modules are
// cached, only the app layer changes (here: another command, as an edit of harness/ would).
await removeShopImages();
let t = performance.now();
const cold = await buildShopImage({ command });
console.log(`build, cold (no image, no layer cache): ${ms(t)} (built: ${cold.built})`);
t = performance.now();
const warm = await buildShopImage({ command: [...command, '--measure'] });
console.log(`build, app inputs changed (base and deps images reused): ${ms(t)} (built: ${warm.built})`);
await removeShopImages({ except: cold.image });
t = performance.now();
const cached = await buildShopImage({ command });
console.log(`build, same inputs (skipped): ${ms(t)} (built: ${cached.built})`);
const info = await (await dockerClient()).container.dockerode.getImage(cached.image).inspect();
console.log(`image ${cached.image}: ${(info.Size / 1e6).toFixed(0)} MB`);

const starts: number[] = [];
const stops: number[] = [];
for (let i = 0; i < runs; i++) {
  t = performance.now();
  const merchant = await startMerchantContainer({
    image: cached.image,
    env: { DEADEND_SANDBOX_URL: 'http://127.0.0.1:9/' },
  });
  starts.push(performance.now() - t);
  t = performance.now();
  await merchant.stop();
  stops.push(performance.now() - t);
}
const summary = (xs: number[]) =>
  `median ${Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!)} ms, min ${Math.round(Math.min(...xs))}, max ${Math.round(Math.max(...xs))}`;
console.log(
  `${shop ? 'reference shop' : 'stand-in server'} start to healthy (${runs} runs): ${summary(starts)}`,
);
console.log(`stop and remove: ${summary(stops)}`);
