/**
 * What every endpoint's handler works with: the route table's context, reading its parameters,
 * answering with `expand[]` applied.
 */
import type { RunEnv } from '../../../core/runEnv.ts';
import type { ApiRequest, Routes } from '../../../core/wire.ts';
import type { World } from '../../../core/world.ts';
import { expand } from './listing.ts';
import type { FormObject } from './params.ts';
import { Params } from './requestParams.ts';
import type { Billing } from './types.ts';

/** The payment API's route table: each resource's file under routes/ adds its endpoints. */
export type StripeRoutes = Routes<Ctx, unknown>;

/**
 * What a route's handler gets: the world it may change (a journaled view during a request), the
 * run environment, the world's provider account, and the request's parameters. Not the session:
 * handlers change the world only, so the router alone deals with the sandbox's server side.
 */
export interface Ctx {
  world: World;
  env: RunEnv;
  b: Billing;
  p: FormObject;
  req: ApiRequest;
}

/** The request's parameters, refusing any not in `allowed` (Stripe's `parameter_unknown`). */
export const q = (ctx: Ctx, allowed: readonly string[]) => new Params(ctx.p, allowed);

/** The answer, with the objects the request named in `expand[]` in place of their ids. */
export const ret = (ctx: Ctx, value: unknown) =>
  expand(ctx.b, value, new Params(ctx.p, Object.keys(ctx.p)).expand());
