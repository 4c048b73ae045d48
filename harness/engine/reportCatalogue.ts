/**
 * The words of the engine's catalogues that reports show in place of ids: what each oracle's
 * finding means, each fault's summary, mail kinds in words, recovery actions as the customer
 * does them. The command line hands this to the reporters beside the results.
 */
import type { Catalogue } from '../core/contract.ts';
import { MAIL_KINDS } from '../core/vocabulary.ts';
import { actionLabel } from '../customer/recovery.ts';
import { oracleCatalogue } from '../oracles/catalogue.ts';
import { faultCatalogue } from '../services/index.ts';

const withoutStop = (summary: string) => summary.replace(/\.$/, '');

export function reportCatalogue(): Catalogue {
  const findings: Record<string, string> = {};
  for (const [id, oracle] of oracleCatalogue) findings[id] = withoutStop(oracle.summary);
  const faults: Record<string, string> = {};
  for (const [id, fault] of faultCatalogue) faults[id] = withoutStop(fault.summary);
  const terms: Record<string, string> = {};
  for (const kind of MAIL_KINDS) terms[kind] = kind.replace(/-/g, ' ');
  return { findings, faults, terms, actionLabel };
}
