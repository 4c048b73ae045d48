/**
 * A scenario's journey map: the recovery paths the search tried across its runs, merged by the
 * actions taken, laid out by dagre (left to right). Where a path ran past the deadline, the
 * customer's patience or effort — the dead-end frontier — is highlighted; paths that reached the
 * goal are marked too. At most MAX_NODES nodes, shortest paths first.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { PathEnd, ScenarioResult } from '../../core/contract.ts';
import { actionName, type Vocabulary } from '../vocabulary.ts';
import { el, svg } from './dom.ts';

export const MAX_NODES = 60;
const ROOT = '';

interface MapNode {
  key: string;
  label: string;
  end?: PathEnd;
  /** Reached by a run that dead-ended. */
  deadEnd: boolean;
}

const END_TEXT: Record<PathEnd, string> = {
  goal: 'reached the goal',
  deadline: 'ran past the deadline',
  patience: 'ran out of patience',
  'effort budget': 'too much effort',
};

export function mapNodes(
  scenario: ScenarioResult,
  vocabulary: Vocabulary,
): { nodes: MapNode[]; truncated: boolean } {
  const nodes = new Map<string, MapNode>();
  nodes.set(ROOT, { key: ROOT, label: 'Customer stuck', deadEnd: false });
  const tried = scenario.runs.flatMap((run) =>
    (run.search?.tried ?? []).map((t) => ({ t, deadEnd: run.outcome === 'dead-end' })),
  );
  tried.sort((a, b) => a.t.path.length - b.t.path.length);
  let truncated = scenario.runs.some((r) => r.search?.truncated);
  for (const { t, deadEnd } of tried) {
    for (let i = 1; i <= t.path.length; i++) {
      const key = t.path.slice(0, i).join('\u0000');
      let node = nodes.get(key);
      if (!node) {
        if (nodes.size >= MAX_NODES) {
          truncated = true;
          break;
        }
        node = { key, label: actionName(vocabulary, t.path[i - 1]!), deadEnd };
        nodes.set(key, node);
      }
      if (deadEnd) node.deadEnd = true;
      if (i === t.path.length && t.end && (!node.end || t.end === 'goal')) node.end = t.end;
    }
  }
  return { nodes: [...nodes.values()], truncated };
}

const parentOf = (key: string) => (key.includes('\u0000') ? key.slice(0, key.lastIndexOf('\u0000')) : ROOT);

function lines(text: string, max = 24): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && `${line} ${word}`.length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.slice(0, 3);
}

export function renderJourneyMap(
  scenario: ScenarioResult,
  index: number,
  vocabulary: Vocabulary,
): HTMLElement | null {
  const { nodes, truncated } = mapNodes(scenario, vocabulary);
  if (nodes.length <= 1) return null;
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  g.setGraph({ rankdir: 'LR', nodesep: 12, ranksep: 36, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  const text = new Map<string, string[]>();
  nodes.forEach((n, i) => {
    const label = lines(n.end ? `${n.label} — ${END_TEXT[n.end]}` : n.label);
    text.set(n.key, label);
    g.setNode(String(i), { width: 170, height: 14 * label.length + 12 });
  });
  const ids = new Map(nodes.map((n, i) => [n.key, String(i)]));
  for (const n of nodes) if (n.key !== ROOT) g.setEdge(ids.get(parentOf(n.key))!, ids.get(n.key)!);
  dagre.layout(g);
  const graph = g.graph();
  const width = Math.ceil(graph.width ?? 200);
  const height = Math.ceil(graph.height ?? 100);
  const titleId = `map-${index}-title`;
  const frontier = nodes.filter((n) => n.deadEnd && n.end && n.end !== 'goal').length;
  const picture = svg(
    'svg',
    {
      class: 'journey-map',
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': titleId,
      style: `max-width:${width}px`,
    },
    svg('title', {
      id: titleId,
      text: `Journey map of “${scenario.title}”: ${nodes.length - 1} recovery steps tried, ${frontier} on the dead-end frontier`,
    }),
    g.edges().map((e: { v: string; w: string }) => {
      const points = g.edge(e).points ?? [];
      return svg('polyline', {
        class: 'edge',
        points: points.map((p: { x: number; y: number }) => `${p.x},${p.y}`).join(' '),
      });
    }),
    nodes.map((n, i) => {
      const box = g.node(String(i));
      const label = text.get(n.key) ?? [];
      const kind =
        n.key === ROOT
          ? 'root'
          : n.end === 'goal'
            ? 'goal'
            : n.end && n.deadEnd
              ? 'frontier'
              : n.end
                ? 'cut'
                : 'step';
      const left = (box.x ?? 0) - box.width / 2;
      const top = (box.y ?? 0) - box.height / 2;
      return svg(
        'g',
        { class: `map-node ${kind}` },
        svg('rect', { x: left, y: top, width: box.width, height: box.height, rx: 6 }),
        label.map((line, j) => svg('text', { x: left + 8, y: top + 18 + j * 14, text: line })),
        svg('title', { text: label.join(' ') }),
      );
    }),
  );
  return el(
    'figure',
    { class: 'map' },
    el('div', { class: 'map-scroll' }, picture),
    el(
      'figcaption',
      null,
      'What the customer could try once stuck, as the search explored it. ',
      el('span', { class: 'key frontier', text: 'Red' }),
      ': a way that ran out of time, patience or effort in a dead end (the frontier). ',
      el('span', { class: 'key goal', text: 'Green' }),
      ': reached the goal.',
      truncated ? ' Only the first ways tried are shown.' : '',
    ),
  );
}
