/**
 * Fault uses of an open scenario: each fault from the vocabulary catalogue
 * (harness/vocabulary/faults), its params parsed by that fault's schema, and the params its
 * `refs` names checked as references (a `hop` within the route the `route` param names).
 */

import { didYouMean } from '../../input/didYouMean.ts';
import { excerpt } from '../../input/excerpt.ts';
import type { VocabularyFaultDefinition } from '../../vocabulary/faults/index.ts';
import type { OpenMerchantProfile, OpenScenario } from '../../vocabulary/schema/index.ts';
import { faultLabel } from '../combinations.ts';
import type { PathKey, Problem } from '../source.ts';
import { issuesToProblems } from '../zodIssues.ts';
import type { Reference } from './walk.ts';

type FaultUse = OpenScenario['faults'][number];

export interface CheckedFaults {
  faults: FaultUse[];
  references: Reference[];
  problems: Problem[];
}

export function checkFaultUses(
  s: OpenScenario,
  profile: OpenMerchantProfile | undefined,
  catalogue: readonly VocabularyFaultDefinition[],
): CheckedFaults {
  const out: CheckedFaults = { faults: [], references: [], problems: [] };
  const known = catalogue.map((f) => f.id);
  const labels = new Map<string, number>();
  s.faults.forEach((use, i) => {
    const at: PathKey[] = ['faults', i];
    const label = faultLabel(use);
    const earlier = labels.get(label);
    if (earlier === undefined) labels.set(label, i);
    else
      out.problems.push({
        path: [...at, use.id !== undefined ? 'id' : 'fault'],
        message: `the fault label "${label}" is already used above`,
        seeAlso: ['faults', earlier],
        hint: 'give each use of a fault its own "id:", and use those ids in expect',
      });
    const fault = catalogue.find((f) => f.id === use.fault);
    if (!fault) {
      out.problems.push({
        path: [...at, 'fault'],
        message: `unknown fault ${excerpt(use.fault)}${didYouMean(use.fault, known)}`,
        hint: `faults over the declared vocabulary: ${known.join(', ')}`,
      });
      out.faults.push(use);
      return;
    }
    if (fault.needsWindow && (use.window?.from === undefined || use.window.until === undefined))
      out.problems.push({
        path: use.window ? [...at, 'window'] : at,
        message: `${use.fault} needs a window with a start and an end: "window: { from: …, until: … }"`,
      });
    const parsed = fault.params.safeParse(use.params);
    if (!parsed.success) {
      out.problems.push(
        ...issuesToProblems(parsed.error.issues, fault.params, use.params, [...at, 'params']),
      );
      out.faults.push(use);
      return;
    }
    const params = parsed.data as Record<string, unknown>;
    for (const [param, kind] of Object.entries(fault.refs)) {
      const value = params[param];
      const ids =
        typeof value === 'string'
          ? [[value, [param]] as const]
          : Array.isArray(value)
            ? value.map((v, k) => [v, [param, k]] as const)
            : [];
      for (const [id, sub] of ids) {
        if (typeof id !== 'string') continue;
        const path = [...at, 'params', ...sub];
        if (kind === 'hop') out.problems.push(...hopProblem(id, params.route, profile, path));
        else out.references.push({ kind, id, path });
      }
    }
    out.faults.push({ ...use, params });
  });
  return out;
}

function hopProblem(
  hop: string,
  route: unknown,
  profile: OpenMerchantProfile | undefined,
  at: PathKey[],
): Problem[] {
  if (!profile) return [];
  const routes = typeof route === 'string' ? profile.routes.filter((r) => r.id === route) : profile.routes;
  const hops = routes.flatMap((r) => r.hops.map((h) => h.id));
  if (routes.length === 0 || hops.includes(hop)) return [];
  const where = typeof route === 'string' ? `the route "${route}"` : `any route of ${profile.id}`;
  return [
    {
      path: at,
      message: `"${hop}" is not a hop of ${where}${didYouMean(hop, hops)}`,
      hint: `hops: ${hops.join(', ')}`,
    },
  ];
}
