/**
 * The seed scenarios as vitest tests, through the `deadend/vitest` integration: one suite per
 * scenario, one test per journey × fault combination. A project of your own does the same with
 * its scenarios folder (see README.md, "vitest").
 */
import { scenarioTests } from 'deadend/vitest';

await scenarioTests('scenarios/', { seed: 1 });
