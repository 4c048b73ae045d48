/**
 * The real targets besides `http`, as the http worker thread loads them: each names the module
 * of the part it swaps — the customer (a browser instead of the JSON adapter) or the merchant
 * (a container instead of the reference shop in the worker). The worker imports a part only
 * when its target starts, so targets/http depends on neither, and Playwright and testcontainers
 * (optional peers) load only for the target that needs them.
 */
import { siblingModule } from '../core/modulePath.ts';

const part = (relative: string) => siblingModule(relative, import.meta.url).href;

export const TARGETS = {
  /** Its default export is the AdapterFactory of a browser customer (targets/http/adapter.ts). */
  browser: { customer: part('./browser/browserAdapter.ts') },
  /** Its `startMerchant` export starts the merchant in a container (targets/http/merchant.ts). */
  container: { merchant: part('./container/workerMerchant.ts') },
} as const;
