/**
 * Where the customer of an open scenario meets the merchant: the engine calls a CustomerPort for
 * every declared customer action and every staff contact, and never the world directly, so a
 * real target can take over the actions the merchant's web site serves. On `sim` the port is
 * the world itself (`worldPort`); on `http` the actions on channels of medium `account` go to
 * the shop over the wire and come back as a changed world (harness/targets/http/openShop.ts);
 * everything else stays the world's, on every target.
 *
 * A port acts on the world it is given in place and answers what the world's own function
 * answers, so the engine's search reads the same results on every target.
 */
import type { LoadedOpenScenario } from '../../vocabulary/loaded.ts';
import {
  type ContactResult,
  contact,
  type PerformResult,
  perform,
  type RunSetup,
  type VWorld,
} from '../../vocabulary/world/index.ts';

export interface CustomerPort {
  /** A declared customer action at `w.now` (the engine offers only what `offers(w)` lists). */
  perform(w: VWorld, actionId: string): PerformResult;
  /** A contact with a channel about a declared problem (§2.3; moves `w.now` by the response). */
  contact(w: VWorld, channel: string, problem: string): ContactResult;
}

/** The `sim` target: the world's own semantics. */
export const worldPort: CustomerPort = { perform, contact };

/** One run of an open scenario, as a real target is told of it before it starts. */
export interface OpenRun {
  loaded: LoadedOpenScenario;
  /** The run's fault labels (the combination), in the scenario's order. */
  combo: readonly string[];
  /** The setup the engine built for this run (persona with traits, active faults, seed key). */
  setup: RunSetup;
}

/**
 * A real target that serves open scenarios (the http target does). A `Connector`
 * (engine/runner.ts) without `prepareOpenRun` serves seed scenarios only: the engine says so
 * instead of running an open scenario on `sim` behind the user's back.
 */
export interface OpenConnector {
  /** Set the target up for one run; returns the port this run's customer uses. */
  prepareOpenRun(run: OpenRun): CustomerPort;
}

export const servesOpenScenarios = (c: unknown): c is OpenConnector =>
  typeof (c as Partial<OpenConnector> | undefined)?.prepareOpenRun === 'function';
