/**
 * Filter and search state in the URL's fragment, so a view can be shared as a link:
 * `report.html#show=dead-end,recovered&missed=1&q=gift&run=run-0-2`. The fragment never leaves the
 * machine; the old `#run-0-2` links still open their run.
 */
import { OUTCOMES, type Outcome } from '../../core/contract.ts';

export interface ViewState {
  outcomes: Set<Outcome>;
  missedOnly: boolean;
  text: string;
  run?: string;
}

export function readState(hash: string): ViewState {
  const raw = hash.replace(/^#/, '');
  if (/^run-\d+-\d+$/.test(raw))
    return { outcomes: new Set(OUTCOMES), missedOnly: false, text: '', run: raw };
  const params = new URLSearchParams(raw);
  const show = params.get('show');
  const outcomes = new Set<Outcome>(
    show === null ? OUTCOMES : OUTCOMES.filter((o) => show.split(',').includes(o)),
  );
  const run = params.get('run') ?? undefined;
  return {
    outcomes,
    missedOnly: params.get('missed') === '1',
    text: params.get('q') ?? '',
    ...(run ? { run } : {}),
  };
}

export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.outcomes.size !== OUTCOMES.length) params.set('show', [...state.outcomes].join(','));
  if (state.missedOnly) params.set('missed', '1');
  if (state.text) params.set('q', state.text);
  if (state.run) params.set('run', state.run);
  const text = params.toString();
  return text ? `#${text}` : '';
}

/** Replace the fragment without scrolling or adding a history entry. */
export function publishState(state: ViewState): void {
  const hash = writeState(state);
  if (hash === window.location.hash || (hash === '' && window.location.hash === '')) return;
  try {
    history.replaceState(null, '', hash || window.location.pathname + window.location.search);
  } catch {
    // A file: URL in a locked-down browser may refuse; the view still works, it just is not in the link.
  }
}
