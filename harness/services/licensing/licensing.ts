/** Licensing: keys issued per order, and a licence server for downloads and activations. */
import type { RunEnv } from '../../core/runEnv.ts';
import { type LicenceKey, record, type World } from '../../core/world.ts';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A key derived from the order id: deterministic, and different for every order. */
function keyFor(orderId: string, product: string): string {
  let h = 2166136261;
  for (const c of `${product}:${orderId}`) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < 16; i++) {
    h = Math.imul(h ^ (h >>> 13), 0x5bd1e995) >>> 0;
    out += ALPHABET[h % ALPHABET.length];
    if (i % 4 === 3 && i < 15) out += '-';
  }
  return out;
}

export function issueKey(world: World, product: string, orderId: string): LicenceKey {
  const existing = world.keys.find((k) => k.orderId === orderId);
  if (existing) return existing;
  const key = { key: keyFor(orderId, product), product, orderId };
  world.keys.push(key);
  record(world, {
    actor: 'licensing',
    kind: 'licence.issued',
    text: `The licence server issued a key for order ${orderId}.`,
    data: { orderId, product, key: key.key },
  });
  return key;
}

/** A download or activation against the licence server; false when it is down. */
export function licenceServerAnswers(
  world: World,
  env: RunEnv,
  op: 'download' | 'activate',
  ref: string,
): boolean {
  const hit = env.faults.hit(world, 'licensing', { op, id: `${op}:${ref}:${world.now}` });
  if (!hit) return true;
  record(world, {
    actor: 'fault',
    kind: 'licence.unavailable',
    text: `The licence server did not answer the ${op}.`,
    data: { op, fault: hit.label },
  });
  return false;
}
