/**
 * A fault tree as an SVG string (pure: no DOM), for the HTML report: the top event at the top,
 * an OR gate over the minimal cut sets, an AND gate per cut set of two or more faults, the
 * basic events (faults) as circles at the bottom with their probabilities.
 */

export interface FaultTreeInput {
  top: string;
  cutSets: readonly (readonly string[])[];
  probabilities: ReadonlyMap<string, number>;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const BOX_W = 150;
const GAP = 20;

export function faultTreeSvg(input: FaultTreeInput): string {
  const sets = input.cutSets;
  const n = Math.max(
    1,
    sets.reduce((w, c) => w + Math.max(1, c.length), 0),
  );
  const width = n * (BOX_W + GAP) + GAP;
  const height = 330;
  const cx = width / 2;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="fault-tree" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Fault tree: ${esc(input.top)}">`,
    '<style>.ft-box{fill:#fff;stroke:#333}.ft-gate{fill:#eef;stroke:#333}.ft-line{stroke:#666}.ft-text{font:12px sans-serif;text-anchor:middle}</style>',
    `<rect class="ft-box" x="${cx - 110}" y="10" width="220" height="34" rx="4"/>`,
    `<text class="ft-text" x="${cx}" y="32">${esc(input.top)}</text>`,
  );
  if (sets.length === 0) {
    parts.push(
      `<text class="ft-text" x="${cx}" y="90">no combination of faults searched causes it</text></svg>`,
    );
    return parts.join('');
  }
  // OR gate under the top event.
  parts.push(`<line class="ft-line" x1="${cx}" y1="44" x2="${cx}" y2="64"/>`);
  parts.push(orGate(cx, 64));
  let x = GAP;
  for (const c of sets) {
    const span = Math.max(1, c.length) * (BOX_W + GAP);
    const mid = x + span / 2 - GAP / 2;
    parts.push(`<line class="ft-line" x1="${cx}" y1="94" x2="${mid}" y2="130"/>`);
    if (c.length === 0) {
      parts.push(`<rect class="ft-box" x="${mid - BOX_W / 2}" y="130" width="${BOX_W}" height="30" rx="4"/>`);
      parts.push(`<text class="ft-text" x="${mid}" y="150">without any fault</text>`);
    } else if (c.length === 1) {
      parts.push(`<line class="ft-line" x1="${mid}" y1="130" x2="${mid}" y2="240"/>`);
      parts.push(basic(mid, c[0]!, input.probabilities));
    } else {
      parts.push(andGate(mid, 130));
      for (let i = 0; i < c.length; i++) {
        const fx = x + i * (BOX_W + GAP) + BOX_W / 2;
        parts.push(`<line class="ft-line" x1="${mid}" y1="160" x2="${fx}" y2="240"/>`);
        parts.push(basic(fx, c[i]!, input.probabilities));
      }
    }
    x += span;
  }
  parts.push('</svg>');
  return parts.join('');
}

function orGate(x: number, y: number): string {
  return `<path class="ft-gate" d="M${x - 20} ${y + 30} Q${x} ${y + 18} ${x + 20} ${y + 30} Q${x + 18} ${y + 8} ${x} ${y} Q${x - 18} ${y + 8} ${x - 20} ${y + 30} Z"><title>OR</title></path>`;
}

function andGate(x: number, y: number): string {
  return `<path class="ft-gate" d="M${x - 18} ${y + 30} L${x - 18} ${y + 12} A18 18 0 0 1 ${x + 18} ${y + 12} L${x + 18} ${y + 30} Z"><title>AND</title></path>`;
}

function basic(x: number, label: string, probabilities: ReadonlyMap<string, number>): string {
  const p = probabilities.get(label);
  return [
    `<circle class="ft-box" cx="${x}" cy="262" r="22"/>`,
    `<text class="ft-text" x="${x}" y="300">${esc(label)}</text>`,
    p === undefined ? '' : `<text class="ft-text" x="${x}" y="266">${formatP(p)}</text>`,
  ].join('');
}

function formatP(p: number): string {
  return p >= 0.01 || p === 0 ? String(Math.round(p * 100) / 100) : p.toExponential(0);
}
