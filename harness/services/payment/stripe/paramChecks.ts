/**
 * The payment API's input limits, as Stripe enforces them: idempotency keys up to 255
 * characters, metadata keys up to 40 and values up to 500 characters (50 keys at most), and the keys of the nested hashes a client may send (`shipping[foo]` is an
 * unknown parameter, not silently dropped).
 */
import { invalidRequest } from './errors.ts';
import type { FormObject } from './params.ts';

export const MAX_IDEMPOTENCY_KEY = 255;
export const MAX_METADATA_KEYS = 50;
export const MAX_METADATA_KEY = 40;
export const MAX_METADATA_VALUE = 500;

/** A 400 for an idempotency key Stripe would refuse, or undefined. */
export function idempotencyKeyProblem(key: string): string | undefined {
  if (key.length > MAX_IDEMPOTENCY_KEY)
    return `Idempotency keys can be at most ${MAX_IDEMPOTENCY_KEY} characters long (this one has ${key.length}).`;
  if (key.trim() === '') return 'Idempotency keys cannot be empty.';
  return undefined;
}

export function checkMetadataEntry(param: string, key: string, value: string, count: number): void {
  if (count > MAX_METADATA_KEYS)
    throw invalidRequest(`You can specify up to ${MAX_METADATA_KEYS} metadata keys.`, undefined, param);
  if (key.length > MAX_METADATA_KEY)
    throw invalidRequest(
      `Metadata keys can have a maximum length of ${MAX_METADATA_KEY} characters.`,
      undefined,
      `${param}[${key.slice(0, MAX_METADATA_KEY)}…]`,
    );
  if (value.length > MAX_METADATA_VALUE)
    throw invalidRequest(
      `Metadata values can have a maximum length of ${MAX_METADATA_VALUE} characters.`,
      undefined,
      `${param}[${key}]`,
    );
}

type Shape = { readonly [key: string]: Shape | true };

const ADDRESS: Shape = {
  city: true,
  country: true,
  line1: true,
  line2: true,
  postal_code: true,
  state: true,
};

/**
 * The nested hashes whose keys are checked wherever they appear as a parameter (by name, at any
 * depth): `true` is a scalar or a hash the handlers check themselves. Hashes not listed here are
 * left to their handlers.
 */
const NESTED: Shape = {
  shipping: { address: ADDRESS, carrier: true, name: true, phone: true, tracking_number: true },
  address: ADDRESS,
  automatic_payment_methods: { enabled: true, allow_redirects: true },
  cancellation_details: { comment: true, feedback: true },
  automatic_tax: { enabled: true, liability: true },
};

function checkShape(value: FormObject, shape: Shape, prefix: string): void {
  for (const [key, v] of Object.entries(value)) {
    const name = `${prefix}[${key}]`;
    const sub = shape[key];
    if (sub === undefined)
      throw invalidRequest(`Received unknown parameter: ${name}`, 'parameter_unknown', name);
    if (sub !== true && typeof v === 'object' && !Array.isArray(v)) checkShape(v, sub, name);
  }
}

/** Unknown keys inside the nested hashes of NESTED: Stripe's parameter_unknown, naming the full path. */
export function checkNestedParams(raw: FormObject, prefix: string): void {
  for (const [key, v] of Object.entries(raw)) {
    const shape = NESTED[key];
    if (shape === undefined || shape === true || typeof v !== 'object' || Array.isArray(v)) continue;
    checkShape(v, shape, prefix ? `${prefix}[${key}]` : key);
  }
}
