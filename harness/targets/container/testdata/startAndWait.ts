/**
 * For the interruption tests: starts a merchant container from the image given as first argument,
 * prints `ready <container id>`, then waits to be signalled (`wait`, the default) or exits at once
 * (`exit`): deadend's handlers must remove the container either way.
 *
 *   node harness/targets/container/testdata/startAndWait.ts IMAGE [wait|exit]
 */
import { startMerchantContainer } from '../merchantContainer.ts';

const [image, mode = 'wait'] = process.argv.slice(2);
if (!image) {
  console.error('usage: startAndWait.ts IMAGE [wait|exit]');
  process.exit(2);
}
const merchant = await startMerchantContainer({
  image,
  command: ['node', 'harness/targets/container/testdata/healthServer.ts'],
});
console.log(`ready ${merchant.id}`);
if (mode === 'exit') process.exit(0);
setInterval(() => {}, 60_000);
