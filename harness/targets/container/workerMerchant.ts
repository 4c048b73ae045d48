/**
 * The `container` target's merchant, as the http worker thread starts it (targets/index.ts):
 * the given image, or the reference shop's built here, wired to the worker's sandbox.
 */
import { maskArtifactText } from '../browser/maskArtifacts.ts';
import type { StartMerchant } from '../http/merchant.ts';
import { buildShopImage } from './image.ts';
import { startMerchantContainer } from './merchantContainer.ts';

export const startMerchant: StartMerchant = async (spec, sandbox) => {
  const image = spec.image ?? (await buildShopImage()).image;
  const container = await startMerchantContainer({
    image,
    env: {
      DEADEND_SANDBOX_URL: sandbox.url,
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sandbox.smtpPort),
      ...spec.env,
    },
    ...(spec.healthPath ? { healthPath: spec.healthPath } : {}),
  });
  /** How much of the container's log earlier runs already saw. */
  let logMark = 0;
  return {
    url: container.url,
    id: container.id,
    markLog: async () => {
      logMark = (await container.logs()).length;
    },
    logSinceMark: async () => maskArtifactText((await container.logs()).slice(logMark)),
    stop: () => container.stop(),
  };
};
