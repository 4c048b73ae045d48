/**
 * The gap report of a dead end (design §2.3): the declared actions the merchant does not offer
 * because their capability is off — the what-if's candidates (whatIf.ts) seen from the run —
 * each named once in its own label: "Not offered by Stride Running: issue an exchange voucher".
 * A customer action counts when its channel is one the persona uses; a staff action when it is a
 * remedy of such a channel for a problem the customer could bring there.
 */
import { closed, contactOptions, type VWorld } from '../../vocabulary/world/index.ts';
import { usesChannel } from './steps.ts';

const isOff = (w: VWorld, capability: string | undefined) =>
  capability !== undefined && w.ctx.profile.capabilities[capability] !== true;

export function notOffered(w: VWorld): string[] {
  const labels: string[] = [];
  for (const c of closed(w)) if (c.capability && usesChannel(w, c.channel)) labels.push(c.label);
  const problems = new Map<string, Set<string>>();
  for (const o of contactOptions(w)) {
    if (!usesChannel(w, o.channel)) continue;
    if (!problems.has(o.channel)) problems.set(o.channel, new Set());
    problems.get(o.channel)!.add(o.problem);
  }
  for (const [channel, raised] of problems)
    for (const id of w.ctx.channels.get(channel)?.remedies ?? []) {
      const a = w.ctx.actions.get(id);
      if (a && isOff(w, a.capability) && a.about.some((p) => raised.has(p))) labels.push(a.label);
    }
  return [...new Set(labels)].map((label) => `Not offered by ${w.ctx.profile.name}: ${label}.`);
}
