/** The scenario loader under the name harness/cli/main.ts imports it by; the code is in load.ts. */
export * from './load.ts';
