/**
 * A merchant the http worker does not run itself (the `container` target's): where it answers,
 * its log for a failed run's evidence, and how it stops. targets/index.ts names the module that
 * starts one; the worker knows only this shape.
 */

/** The merchant in a container: a team's image, or (without one) the reference shop's, built here. */
export interface ContainerSpec {
  image?: string;
  env?: Record<string, string>;
  healthPath?: string;
}

/** Where the merchant reaches the sandbox. */
export interface SandboxAddress {
  /** Every HTTP API on one port (the shop's DEADEND_SANDBOX_URL). */
  url: string;
  smtpPort: number;
}

export interface WorkerMerchant {
  url: string;
  /** The container's id, so the harness thread can remove it when interrupted. */
  id: string;
  /** A run starts: its log begins here. */
  markLog(): Promise<void>;
  /** The merchant's log since the last mark, masked for the report. */
  logSinceMark(): Promise<string>;
  stop(): Promise<void>;
}

/** What the module named in targets/index.ts exports. */
export type StartMerchant = (spec: ContainerSpec, sandbox: SandboxAddress) => Promise<WorkerMerchant>;
