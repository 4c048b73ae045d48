/**
 * The open vocabulary (issue 12): message kinds, channels,
 * parties, systems, records, facts, traits, actions, scheduled processes and commitments
 * declared as data in a merchant profile or a shared vocabulary file, and the scenario fields
 * that use them. docs/vocabulary-design.md gives the semantics. Every reference here is a plain id: `deadend validate` resolves each one against
 * the declarations (with file:line:col and a did-you-mean), so the zod layer checks shape only.
 */
export * from './declarations.ts';
export * from './plugins.ts';
export * from './scenario.ts';
export * from './terms.ts';
