/**
 * Every run, grouped by journey (each with its journey map), and per run on demand the customer's
 * story: why there was no way out, the SVG timeline, the events in the customer's time zone, the
 * scorecard, the findings, what the customer did, the evidence, and the replay command with the
 * details only QA needs.
 */
import { formatHours, formatInstant, formatMoney, plural, yearIn } from '../format.ts';
import { actionName, CHANNEL_NAMES, findingName, OUTCOME_TEXT, partyName } from '../vocabulary.ts';
import { el } from './dom.ts';
import { SEVERITY_WORD } from './findings.ts';
import { badge } from './firstScreen.ts';
import { renderJourneyMap } from './journeyMap.ts';
import type { Page, RunView } from './model.ts';
import { renderTimeline } from './timeline.ts';

export interface RunItem {
  item: HTMLLIElement;
  toggle: HTMLButtonElement;
  details: HTMLDivElement;
  built: boolean;
}

export interface Journeys {
  section: HTMLElement;
  items: Map<string, RunItem>;
  groups: { group: HTMLElement; runs: RunView[] }[];
}

function formatDeadline(text: string, zone: string): string {
  return /T\d\d:\d\d/.test(text) ? formatInstant(text, zone, true) : text;
}

export function renderJourneys(page: Page, onToggle: (id: string) => void): Journeys {
  const items = new Map<string, RunItem>();
  const groups: Journeys['groups'] = [];
  const section = el(
    'section',
    { id: 'runs', 'aria-labelledby': 'runs-title' },
    el('h2', { id: 'runs-title', text: 'Every journey and run' }),
    page.data.scenarios.map((scenario, si) => {
      const mine = page.runs.filter((r) => r.scenarioIndex === si);
      const group = el(
        'section',
        { class: 'journey', id: `journey-${si}`, 'aria-labelledby': `journey-${si}-title` },
        el('h3', { id: `journey-${si}-title`, text: scenario.title }),
        el(
          'p',
          { class: 'muted' },
          `Goal: ${scenario.goal} · deadline ${formatDeadline(scenario.deadline, scenario.timezone)}`,
        ),
        renderJourneyMap(scenario, si, page.vocabulary),
        el(
          'ol',
          { class: 'runs' },
          mine.map((r) => runItem(page, r, items, onToggle)),
        ),
      );
      groups.push({ group, runs: mine });
      return group;
    }),
    el('p', { class: 'empty', id: 'no-runs', hidden: true, text: 'No run matches these filters.' }),
  );
  return { section, items, groups };
}

function runItem(
  page: Page,
  r: RunView,
  items: Map<string, RunItem>,
  onToggle: (id: string) => void,
): HTMLLIElement {
  const { run } = r;
  const s = run.scorecard;
  const toggle = el('button', {
    type: 'button',
    class: 'toggle',
    'aria-expanded': 'false',
    'aria-controls': `${r.id}-details`,
    text: 'Show the story',
    onclick: () => onToggle(r.id),
  });
  const facts: string[] = [];
  if (s.moneyLost) facts.push(`${formatMoney(s.moneyLost, s.currency)} lost`);
  if (s.contacts) facts.push(plural(s.contacts, 'contact'));
  if (run.outcome !== 'ok' && s.timeToResolutionHours !== null)
    facts.push(`solved after ${formatHours(s.timeToResolutionHours)}`);
  if (run.findings.length) facts.push(plural(run.findings.length, 'problem'));
  const details = el('div', { class: 'details', id: `${r.id}-details`, hidden: true });
  const item = el(
    'li',
    { class: `run o-${run.outcome}${run.pass ? '' : ' missed'}`, id: r.id, 'data-outcome': run.outcome },
    el(
      'div',
      { class: 'run-head' },
      badge(run.outcome),
      el('strong', { class: 'run-title', text: r.title }),
      run.accepted
        ? el('span', {
            class: 'verdict is-accepted',
            text: `☑ Accepted dead end (expected: ${OUTCOME_TEXT[run.expected.outcome].label})`,
          })
        : run.pass
          ? el('span', { class: 'verdict is-good', text: '✓ as expected' })
          : el('span', {
              class: 'verdict is-miss',
              text: `⚠ Missed expectation (expected: ${OUTCOME_TEXT[run.expected.outcome].label})`,
            }),
      el('span', { class: 'facts muted', text: facts.join(' · ') }),
      toggle,
    ),
    el('p', { class: 'run-explanation', text: page.words(run.explanation) }),
    details,
  );
  items.set(r.id, { item, toggle, details, built: false });
  return item;
}

export function renderDetails(page: Page, r: RunView): Node[] {
  const { run, scenario } = r;
  const s = run.scorecard;
  const words = page.words;
  const out: Node[] = [];
  if (run.accepted)
    out.push(
      el(
        'div',
        { class: 'callout is-accepted' },
        el('strong', { text: '☑ Accepted dead end. ' }),
        `Expected: ${OUTCOME_TEXT[run.expected.outcome].label} — actually: ${OUTCOME_TEXT[run.outcome].label}. `,
        'The team has accepted this dead end for now (it is listed in the baseline, deadend-baseline.json), so it does not fail the build. It is still a customer stranded.',
      ),
    );
  if (!run.pass)
    out.push(
      el(
        'div',
        { class: 'callout is-miss' },
        el('strong', { text: '⚠ Missed expectation. ' }),
        `Expected: ${OUTCOME_TEXT[run.expected.outcome].label}`,
        run.expected.findings
          ? ` with problems: ${run.expected.findings.map((f) => findingName(page.vocabulary, f)).join('; ') || 'none'}`
          : '',
        ` — actually: ${OUTCOME_TEXT[run.outcome].label}. `,
      ),
    );
  if (run.frontier?.length)
    out.push(
      el('h4', { text: run.outcome === 'dead-end' ? 'Why there was no way out' : 'Ways that were closed' }),
      el(
        'ul',
        { class: 'frontier' },
        run.frontier.map((f) => el('li', { text: words(f) })),
      ),
    );
  out.push(
    el('h4', { text: 'Timeline' }),
    el('div', { class: 'timeline-box' }, renderTimeline(scenario, run, r.id, words)),
  );

  let lastYear = '';
  const story = el(
    'ol',
    { class: 'timeline' },
    run.trace.map((entry, i) => {
      const year = yearIn(entry.at, scenario.timezone);
      const when = formatInstant(entry.at, scenario.timezone, year !== lastYear);
      lastYear = year;
      const gapHours = i > 0 ? (Date.parse(entry.at) - Date.parse(run.trace[i - 1]!.at)) / 3_600_000 : 0;
      return el(
        'li',
        { class: `ev a-${entry.actor}`, id: `${r.id}-step-${i}` },
        gapHours >= 12
          ? el('span', {
              class: 'gap',
              text: `… ${gapHours < 24 ? `${Math.round(gapHours)} hours` : plural(Math.round((gapHours / 24) * 10) / 10, 'day')} later`,
            })
          : null,
        el('span', { class: 'step', 'aria-label': `Step ${i + 1}`, text: i + 1 }),
        el('time', { datetime: entry.at, text: when }),
        el(
          'span',
          { class: 'actor' },
          partyName(entry.actor),
          entry.channel
            ? el('span', { class: 'channel', text: ` ${CHANNEL_NAMES[entry.channel] ?? entry.channel}` })
            : null,
        ),
        el('span', { class: 'text', text: words(entry.text) }),
      );
    }),
  );
  const card = el(
    'dl',
    { class: 'scorecard' },
    el('dt', { text: 'Time until solved' }),
    el('dd', {
      text:
        run.outcome === 'ok'
          ? 'nothing to solve'
          : s.timeToResolutionHours === null
            ? 'never'
            : formatHours(s.timeToResolutionHours),
    }),
    el('dt', { text: 'Contacts with staff' }),
    el('dd', { text: s.contacts }),
    el('dt', { text: 'Phone calls' }),
    el('dd', { text: s.calls }),
    el('dt', { text: 'Store visits' }),
    el('dd', { text: s.storeVisits }),
    el('dt', { text: 'Customer’s own time' }),
    el('dd', { text: formatHours(s.effortHours) }),
    el('dt', { text: 'Money lost' }),
    el('dd', {
      class: s.moneyLost ? 'is-miss' : '',
      text: s.moneyLost ? formatMoney(s.moneyLost, s.currency) : 'nothing out of pocket',
    }),
  );
  const side: Node[] = [el('h4', { text: 'What it cost the customer' }), card];
  if (run.findings.length)
    side.push(
      el('h4', { text: 'Problems spotted' }),
      el(
        'ul',
        { class: 'findings' },
        run.findings.map((f) =>
          el(
            'li',
            null,
            el('span', { class: `sev sev-${f.severity}`, text: SEVERITY_WORD[f.severity] }),
            ' ',
            el('strong', { text: findingName(page.vocabulary, f.oracle) }),
            el('br'),
            words(f.message),
            f.events.length
              ? el('span', { class: 'muted', text: ` (step ${f.events.map((e) => e + 1).join(', ')})` })
              : null,
          ),
        ),
      ),
    );
  if (run.path.length)
    side.push(
      el('h4', { text: 'What the customer did' }),
      el(
        'ol',
        { class: 'path' },
        run.path.map((p) => el('li', { text: actionName(page.vocabulary, p) })),
      ),
    );
  out.push(
    el(
      'div',
      { class: 'cols' },
      el(
        'section',
        { class: 'story', 'aria-label': 'The customer’s story' },
        el('h4', { text: 'The customer’s story' }),
        el('p', {
          class: 'muted',
          text: `Times in ${scenario.timezone} (the customer’s time zone). Customer: ${run.persona.name}.`,
        }),
        story,
      ),
      el('section', { class: 'side', 'aria-label': 'Cost and problems' }, side),
    ),
  );
  if (run.attachments?.length)
    out.push(
      el('h4', { text: 'Evidence from the target' }),
      el(
        'ul',
        { class: 'attachments' },
        run.attachments.map((a) =>
          el(
            'li',
            null,
            a.contentType.startsWith('image/')
              ? el(
                  'figure',
                  null,
                  el('a', { href: a.path }, el('img', { src: a.path, alt: a.name, loading: 'lazy' })),
                  el('figcaption', { text: a.name }),
                )
              : el('a', { href: a.path, text: `${a.name} (${a.path.split('/').pop()})` }),
          ),
        ),
      ),
    );
  out.push(qaDetails(page, r));
  return out;
}

/** What only QA needs: the replay command, ids, the search's size. */
function qaDetails(page: Page, r: RunView): HTMLElement {
  const { run, scenario } = r;
  const feedback = el('span', { class: 'copied', role: 'status', 'aria-live': 'polite' });
  const command = el('code', { class: 'command', text: run.replay });
  return el(
    'details',
    { class: 'qa' },
    el('summary', { text: 'Details for QA: replay this run' }),
    el(
      'div',
      { class: 'replay' },
      el('pre', null, command),
      el('button', {
        type: 'button',
        class: 'copy',
        text: 'Copy command',
        onclick: () => void copy(run.replay, feedback, command),
      }),
      feedback,
    ),
    el('p', {
      class: 'muted small',
      text: `Scenario ${scenario.id} (${scenario.file}) · faults ${run.faults.join(' + ') || 'none'} · ${plural(run.stats.statesExplored, 'state')} explored · seed ${page.data.seed} · target ${page.data.target}${run.failure ? ` · ${run.failure}` : ''}`,
    }),
  );
}

async function copy(text: string, feedback: HTMLElement, command: HTMLElement): Promise<void> {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    ok = false;
  }
  if (!ok) {
    const range = document.createRange();
    range.selectNodeContents(command);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }
  feedback.textContent = ok ? 'Copied ✓' : 'Selected — press Ctrl+C to copy';
  setTimeout(() => {
    feedback.textContent = '';
  }, 4000);
}
