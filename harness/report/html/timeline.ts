/**
 * A run's timeline as inline SVG: one lane per party, the periods a failure closed support shaded,
 * the deadline as a line, the moment the customer got stuck marked, each event hoverable (<title>).
 */

import type { RunResult, ScenarioResult } from '../../core/contract.ts';
import { formatInstant } from '../format.ts';
import { partyName } from '../vocabulary.ts';
import { svg } from './dom.ts';

/** Lanes top to bottom: the customer, the shop, its messages and its staff first, then the rest. */
const LANE_ORDER = [
  'customer',
  'merchant',
  'mail',
  'support',
  'payment',
  'licensing',
  'orders',
  'notify',
  'fault',
];
const WIDTH = 800;
const LEFT = 110;
const LANE = 30;
const TOP = 24;

export function lanesOf(run: RunResult): string[] {
  const seen = [...new Set(run.trace.map((e) => e.actor))];
  const known = LANE_ORDER.filter((a) => seen.includes(a));
  return [...known, ...seen.filter((a) => !LANE_ORDER.includes(a)).sort()];
}

export function renderTimeline(
  scenario: ScenarioResult,
  run: RunResult,
  id: string,
  words: (t: string) => string,
): SVGSVGElement {
  const lanes = lanesOf(run);
  const times = run.trace.map((e) => Date.parse(e.at)).filter(Number.isFinite);
  const deadline = Date.parse(scenario.deadline);
  // A run whose trace is empty still gets its axis: from the deadline to the deadline.
  const anchor = Number.isFinite(deadline) ? deadline : 0;
  const start = times.length ? Math.min(...times) : anchor;
  let end = times.length ? Math.max(...times) : anchor;
  if (Number.isFinite(deadline)) end = Math.max(end, deadline);
  const span = Math.max(end - start, 60_000);
  const x = (t: number) => LEFT + ((t - start) / span) * (WIDTH - LEFT - 10);
  const height = TOP + lanes.length * LANE + 24;
  const laneY = (actor: string) => TOP + lanes.indexOf(actor) * LANE + LANE / 2;
  const zone = scenario.timezone;
  const closed = run.faults.flatMap((label) => {
    const c = scenario.closures?.[label];
    return c ? [c] : [];
  });
  const stuck = run.trace.find((e) => e.kind === 'customer.stuck');
  const titleId = `${id}-timeline-title`;
  return svg(
    'svg',
    {
      class: 'timeline-svg',
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-labelledby': titleId,
      'data-lanes': lanes.length,
    },
    svg('title', {
      id: titleId,
      text: `Timeline of this run, ${formatInstant(new Date(start).toISOString(), zone, true)} to ${formatInstant(new Date(end).toISOString(), zone, true)}, one lane per party: ${lanes.map(partyName).join(', ')}`,
    }),
    lanes.map((actor, i) =>
      svg(
        'g',
        { class: 'lane', 'data-party': actor },
        svg('rect', {
          x: 0,
          y: TOP + i * LANE,
          width: WIDTH,
          height: LANE,
          class: i % 2 ? 'lane-bg odd' : 'lane-bg',
        }),
        svg('text', { x: 6, y: TOP + i * LANE + LANE / 2 + 4, class: 'lane-name', text: partyName(actor) }),
      ),
    ),
    closed.map((c) => {
      const from = Math.max(Date.parse(c.from), start);
      const until = Math.min(Date.parse(c.until), end);
      if (!(until > from)) return null;
      const width = Math.max(x(until) - x(from), 1);
      return svg(
        'g',
        { class: 'closed' },
        svg('rect', { x: x(from), y: TOP, width, height: lanes.length * LANE }),
        width > 160
          ? svg('text', {
              x: x(from) + 6,
              y: TOP + lanes.length * LANE - 6,
              text: `support closed: ${c.reason}`,
            })
          : null,
        svg('title', {
          text: `Support closed (${c.reason}) from ${formatInstant(c.from, zone, true)} until ${formatInstant(c.until, zone, true)}`,
        }),
      );
    }),
    Number.isFinite(deadline)
      ? svg(
          'g',
          { class: 'deadline' },
          svg('line', { x1: x(deadline), x2: x(deadline), y1: TOP - 6, y2: TOP + lanes.length * LANE }),
          svg('text', { x: x(deadline) - 4, y: TOP - 10, 'text-anchor': 'end', text: 'deadline' }),
          svg('title', { text: `Deadline: ${formatInstant(scenario.deadline, zone, true)}` }),
        )
      : null,
    stuck
      ? svg(
          'g',
          { class: 'stuck' },
          svg('line', {
            x1: x(Date.parse(stuck.at)),
            x2: x(Date.parse(stuck.at)),
            y1: TOP - 6,
            y2: TOP + lanes.length * LANE,
          }),
          svg('text', { x: x(Date.parse(stuck.at)) + 4, y: TOP - 10, text: 'stuck' }),
          svg('title', { text: `${formatInstant(stuck.at, zone, true)}: ${words(stuck.text)}` }),
        )
      : null,
    run.trace.map((e, i) =>
      svg(
        'circle',
        {
          cx: x(Date.parse(e.at)),
          cy: laneY(e.actor),
          r: 5,
          class: `event a-${e.actor}`,
          'data-step': i + 1,
        },
        svg('title', {
          text: `Step ${i + 1}, ${formatInstant(e.at, zone, true)} — ${partyName(e.actor)}: ${words(e.text)}`,
        }),
      ),
    ),
    svg('text', {
      x: LEFT,
      y: height - 6,
      class: 'axis',
      text: formatInstant(new Date(start).toISOString(), zone, true),
    }),
    svg('text', {
      x: WIDTH - 10,
      y: height - 6,
      class: 'axis',
      'text-anchor': 'end',
      text: formatInstant(new Date(end).toISOString(), zone, true),
    }),
  );
}
