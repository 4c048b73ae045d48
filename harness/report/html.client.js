// The script of report.html (inlined by html.ts). Plain browser JavaScript, no dependencies, no
// network. It reads the results embedded in the JSON script element #deadend-data and builds the page with DOM
// calls only (no innerHTML), so nothing in the data can inject markup.
(() => {
  const data = JSON.parse(document.getElementById('deadend-data').textContent);
  const app = document.getElementById('app');

  const OUTCOMES = ['ok', 'recovered', 'recovered-with-help', 'dead-end'];
  const OUTCOME = {
    ok: { icon: '✓', label: 'Worked', help: 'The planned path worked.' },
    recovered: {
      icon: '↻',
      label: 'Recovered',
      help: 'Something broke; the customer fixed it on their own.',
    },
    'recovered-with-help': {
      icon: '☎',
      label: 'Needed staff',
      help: 'Something broke; only the shop’s staff could fix it.',
    },
    'dead-end': {
      icon: '⊘',
      label: 'Dead end',
      help: 'The customer was stranded: no way was left to reach the goal in time.',
    },
  };
  const ACTOR = {
    customer: 'Customer',
    merchant: 'Shop',
    mail: 'E-mail',
    payment: 'Payment',
    licensing: 'Licensing',
    support: 'Support',
    orders: 'Orders',
    notify: 'Notifications',
    fault: 'Failure',
  };
  const CHANNEL = {
    email: 'by e-mail',
    phone: 'by phone',
    web: 'on the website',
    store: 'in the store',
    chat: 'by chat',
  };
  const FAULT = {
    'mail.spam-foldered': 'E-mail lands in spam',
    'mail.quarantined': 'E-mail quarantined',
    'mail.delayed': 'E-mail delayed',
    'mail.bounced': 'E-mail bounced',
    'mail.address-typo': 'Typo in e-mail address',
    'support.closed': 'Support closed',
    'support.understaffed': 'Support understaffed',
    'payment.avs-mismatch': 'Card/address mismatch',
    'payment.declined': 'Card declined',
    'payment.timeout': 'Payment timed out',
    'order.lost-in-transit': 'Order lost in transit',
    'systems.silo': 'Systems don’t share data',
    'licence.server-down': 'Licence server down',
    'notify.suppressed': 'Notification not sent',
  };

  // ---------- helpers ----------

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [key, value] of Object.entries(props)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === 'class') node.className = value;
        else if (key === 'text') node.textContent = value;
        else if (key === 'hidden') node.hidden = true;
        else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
        else node.setAttribute(key, value === true ? '' : String(value));
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many || `${one}s`}`;
  }

  function faultName(label) {
    const match = /^([a-z0-9-]+\.[a-z0-9-]+)(.*)$/i.exec(label);
    if (match && FAULT[match[1]])
      return FAULT[match[1]] + (match[2] ? ` (${match[2].replace(/^[@:(]|\)$/g, '')})` : '');
    return label.replace(/\./g, ': ').replace(/-/g, ' ');
  }

  function faultsTitle(faults) {
    return faults.length === 0 ? 'No failure' : faults.map(faultName).join(' + ');
  }

  function faultsCode(faults) {
    return faults.length === 0 ? 'none' : faults.join(' + ');
  }

  function humanize(id) {
    const text = id.replace(/[-_.]+/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  function hours(h) {
    if (h === null || h === undefined || !Number.isFinite(h)) return '—';
    if (h < 1) return `${Math.round(h * 60)} min`;
    if (h < 48) return `${Math.round(h * 10) / 10} h`;
    return `${Math.round((h / 24) * 10) / 10} days`;
  }

  const moneyFormats = {};
  function money(amount, currency) {
    try {
      moneyFormats[currency] ||= new Intl.NumberFormat('en-US', { style: 'currency', currency });
      return moneyFormats[currency].format(amount);
    } catch {
      return `${amount.toFixed(2)} ${currency}`;
    }
  }

  // Times are shown in the scenario's time zone, never the viewer's: same text on every machine.
  const dateFormats = {};
  function dateFormat(timeZone) {
    if (!dateFormats[timeZone]) {
      const options = {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      };
      try {
        dateFormats[timeZone] = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
      } catch {
        dateFormats[timeZone] = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
      }
    }
    return dateFormats[timeZone];
  }
  function timeParts(iso, timeZone) {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return null;
    const parts = {};
    for (const part of dateFormat(timeZone).formatToParts(date)) parts[part.type] = part.value;
    return parts;
  }
  function formatTime(iso, timeZone, withYear) {
    const p = timeParts(iso, timeZone);
    if (!p) return iso;
    return `${p.day} ${p.month}${withYear ? ` ${p.year}` : ''} ${p.hour}:${p.minute}`;
  }
  function formatDeadline(text, timeZone) {
    return /T\d\d:\d\d/.test(text) ? formatTime(text, timeZone, true) : text;
  }

  function badge(outcome) {
    const info = OUTCOME[outcome];
    return el(
      'span',
      { class: `badge o-${outcome}`, title: info.help },
      el('span', { class: 'icon', 'aria-hidden': 'true', text: info.icon }),
      ` ${info.label}`,
    );
  }

  // ---------- data ----------

  const runs = [];
  data.scenarios.forEach((scenario, si) => {
    const counts = {};
    for (const run of scenario.runs) counts[run.faults.join('+')] = (counts[run.faults.join('+')] || 0) + 1;
    scenario.runs.forEach((run, ri) => {
      const key = run.faults.join('+');
      const persona = counts[key] > 1 ? ` · customer #${run.persona.index}` : '';
      runs.push({
        id: `run-${si}-${ri}`,
        scenario,
        run,
        key,
        title: faultsTitle(run.faults) + persona,
        search: [
          scenario.id,
          scenario.title,
          scenario.goal,
          scenario.merchant,
          faultsCode(run.faults),
          faultsTitle(run.faults),
          OUTCOME[run.outcome].label,
          run.outcome,
          run.explanation,
          run.failure || '',
          ...(run.frontier || []),
          ...run.findings.map((f) => `${f.oracle} ${humanize(f.oracle)} ${f.message}`),
        ]
          .join('\n')
          .toLowerCase(),
      });
    });
  });
  const byId = new Map(runs.map((r) => [r.id, r]));

  const state = { outcomes: new Set(OUTCOMES), failedOnly: false, text: '' };
  function matches(r) {
    if (!state.outcomes.has(r.run.outcome)) return false;
    if (state.failedOnly && r.run.pass) return false;
    if (state.text) {
      for (const word of state.text.split(/\s+/)) if (word && !r.search.includes(word)) return false;
    }
    return true;
  }

  // ---------- summary ----------

  function renderSummary() {
    const s = data.summary;
    const findings = Object.values(s.findings).reduce((a, b) => a + b, 0);
    const deadEnds = s.outcomes['dead-end'];
    const headline =
      s.failed > 0
        ? `⚠ ${s.failed} of ${plural(s.runs, 'run')} did not turn out as expected`
        : `✓ All ${plural(s.runs, 'run')} turned out as expected`;
    const deadText =
      deadEnds > 0
        ? `In ${plural(deadEnds, 'run')} the customer was stranded (a dead end).`
        : 'No customer was stranded.';
    return el(
      'section',
      { id: 'summary', 'aria-labelledby': 'summary-title' },
      el('h2', { id: 'summary-title', text: 'Summary' }),
      el('p', { class: `headline ${s.failed > 0 ? 'is-miss' : 'is-good'}`, text: headline }),
      el('p', { class: 'lead', text: deadText }),
      el(
        'ul',
        { class: 'stats' },
        el(
          'li',
          null,
          el('span', { class: 'num', text: s.scenarios }),
          ` ${s.scenarios === 1 ? 'journey' : 'journeys'}`,
        ),
        el('li', null, el('span', { class: 'num', text: s.runs }), ` ${s.runs === 1 ? 'run' : 'runs'}`),
        OUTCOMES.map((o) =>
          el(
            'li',
            { class: `o-${o}` },
            el('span', { class: 'num', text: s.outcomes[o] }),
            ' ',
            el('span', { class: 'icon', 'aria-hidden': 'true', text: OUTCOME[o].icon }),
            ` ${OUTCOME[o].label}`,
          ),
        ),
        el(
          'li',
          null,
          el('span', { class: 'num', text: findings }),
          ` ${findings === 1 ? 'finding' : 'findings'}`,
        ),
        el(
          'li',
          { class: s.failed > 0 ? 'is-miss' : '' },
          el('span', { class: 'num', text: s.failed }),
          ` ${s.failed === 1 ? 'missed expectation' : 'missed expectations'}`,
        ),
        s.accepted
          ? el(
              'li',
              { class: 'is-accepted' },
              el('span', { class: 'num', text: s.accepted }),
              ` ${s.accepted === 1 ? 'accepted dead end' : 'accepted dead ends'}`,
            )
          : null,
      ),
      el(
        'details',
        { class: 'legend' },
        el('summary', { text: 'What the outcomes mean' }),
        el(
          'dl',
          null,
          OUTCOMES.map((o) => [el('dt', null, badge(o)), el('dd', { text: OUTCOME[o].help })]),
          el('dt', null, el('span', { class: 'verdict is-miss', text: '⚠ Missed expectation' })),
          el('dd', {
            text: 'The journey ended differently from what the team expects of it: this is what fails the CI build.',
          }),
          el('dt', null, el('span', { class: 'verdict is-accepted', text: '☑ Accepted dead end' })),
          el('dd', {
            text: 'A dead end the team knows of and has accepted for now (listed in the baseline file): it does not fail the build, but the customer is still stranded.',
          }),
        ),
      ),
    );
  }

  function renderStranded() {
    const deadRuns = runs.filter((r) => r.run.outcome === 'dead-end');
    if (deadRuns.length === 0) return null;
    const byFault = new Map();
    const byDoor = new Map();
    for (const r of runs) {
      for (const f of r.run.faults) {
        const entry = byFault.get(f) || { runs: 0, dead: 0 };
        entry.runs++;
        if (r.run.outcome === 'dead-end') entry.dead++;
        byFault.set(f, entry);
      }
    }
    for (const r of deadRuns)
      for (const reason of new Set(r.run.frontier || [])) byDoor.set(reason, (byDoor.get(reason) || 0) + 1);
    const faults = [...byFault]
      .filter(([, e]) => e.dead > 0)
      .sort((a, b) => b[1].dead - a[1].dead || (a[0] < b[0] ? -1 : 1));
    const doors = [...byDoor].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 8);
    return el(
      'section',
      { id: 'stranded', 'aria-labelledby': 'stranded-title' },
      el('h2', { id: 'stranded-title', text: 'Where customers get stranded' }),
      el(
        'div',
        { class: 'two' },
        el(
          'table',
          { class: 'plain' },
          el('caption', { text: 'Failures behind the dead ends' }),
          el(
            'thead',
            null,
            el(
              'tr',
              null,
              el('th', { scope: 'col', text: 'Failure' }),
              el('th', { scope: 'col', text: 'Dead ends' }),
            ),
          ),
          el(
            'tbody',
            null,
            faults.map(([f, e]) =>
              el(
                'tr',
                null,
                el('td', null, faultName(f), ' ', el('code', { text: f })),
                el('td', { class: 'n', text: `${e.dead} of ${plural(e.runs, 'run')}` }),
              ),
            ),
          ),
        ),
        doors.length
          ? el(
              'table',
              { class: 'plain' },
              el('caption', {
                text: 'Why the last ways out were closed — fixing one rescues these dead ends',
              }),
              el(
                'thead',
                null,
                el(
                  'tr',
                  null,
                  el('th', { scope: 'col', text: 'Reason' }),
                  el('th', { scope: 'col', text: 'Dead ends' }),
                ),
              ),
              el(
                'tbody',
                null,
                doors.map(([reason, n]) =>
                  el('tr', null, el('td', { text: reason }), el('td', { class: 'n', text: n })),
                ),
              ),
            )
          : null,
      ),
    );
  }

  function renderFixes() {
    const fixes = data.fixes || [];
    if (fixes.length === 0) return null;
    return el(
      'section',
      { id: 'fixes', 'aria-labelledby': 'fixes-title' },
      el('h2', { id: 'fixes-title', text: 'Which change rescues the most' }),
      el('p', {
        text: 'deadend tried each change to the business alone on every dead end. A rescued customer reaches the goal in time.',
      }),
      el(
        'table',
        { class: 'plain' },
        el(
          'thead',
          null,
          el(
            'tr',
            null,
            el('th', { scope: 'col', text: 'Change' }),
            el('th', { scope: 'col', text: 'Dead ends rescued' }),
            el('th', { scope: 'col', text: 'Journeys' }),
          ),
        ),
        el(
          'tbody',
          null,
          fixes.map((f) =>
            el(
              'tr',
              null,
              el('td', null, el('code', { text: f.change })),
              el('td', { class: 'n', text: String(f.rescues.length) }),
              el('td', {
                text: f.rescues
                  .map(
                    (r) =>
                      `${r.scenario} (${r.faults.join(' + ') || 'no fault'}) → ${(OUTCOME[r.outcome] || { label: r.outcome }).label}`,
                  )
                  .join('; '),
              }),
            ),
          ),
        ),
      ),
    );
  }

  function renderFindings() {
    const entries = Object.entries(data.summary.findings);
    if (entries.length === 0) return null;
    const worst = {};
    for (const r of runs)
      for (const f of r.run.findings) {
        const rank = { low: 0, medium: 1, high: 2 };
        if (!worst[f.oracle] || rank[f.severity] > rank[worst[f.oracle]]) worst[f.oracle] = f.severity;
      }
    return el(
      'section',
      { id: 'findings', 'aria-labelledby': 'findings-title' },
      el('h2', { id: 'findings-title', text: 'Findings' }),
      el('p', { class: 'lead', text: 'Problems spotted along the way, whatever the outcome.' }),
      el(
        'ul',
        { class: 'finding-summary' },
        entries.map(([oracle, n]) =>
          el(
            'li',
            null,
            worst[oracle] ? el('span', { class: `sev sev-${worst[oracle]}`, text: worst[oracle] }) : null,
            ` ${humanize(oracle)} `,
            el('span', { class: 'muted', text: `— in ${plural(n, 'run')}` }),
          ),
        ),
      ),
    );
  }

  // ---------- filters ----------

  const status = el('p', { id: 'filter-status', role: 'status', 'aria-live': 'polite' });

  function renderFilters() {
    const counts = data.summary.outcomes;
    return el(
      'section',
      { class: 'filters', 'aria-label': 'Filters' },
      el(
        'fieldset',
        null,
        el('legend', { text: 'Show outcomes' }),
        OUTCOMES.map((o) =>
          el(
            'label',
            { class: `chip o-${o}` },
            el('input', {
              type: 'checkbox',
              checked: true,
              name: 'outcome',
              value: o,
              onchange: (event) => {
                if (event.target.checked) state.outcomes.add(o);
                else state.outcomes.delete(o);
                applyFilters();
              },
            }),
            el('span', { class: 'icon', 'aria-hidden': 'true', text: OUTCOME[o].icon }),
            ` ${OUTCOME[o].label} (${counts[o]})`,
          ),
        ),
      ),
      el(
        'label',
        { class: 'chip is-miss' },
        el('input', {
          type: 'checkbox',
          id: 'failed-only',
          onchange: (event) => {
            state.failedOnly = event.target.checked;
            applyFilters();
          },
        }),
        ` Only missed expectations (${data.summary.failed})`,
      ),
      el(
        'span',
        { class: 'search' },
        el('label', { for: 'search', text: 'Search ' }),
        el('input', {
          type: 'search',
          id: 'search',
          placeholder: 'journey, failure, finding…',
          oninput: (event) => {
            state.text = event.target.value.trim().toLowerCase();
            applyFilters();
          },
        }),
      ),
      status,
    );
  }

  // ---------- matrix ----------

  const cellButtons = [];
  const matrixRows = [];

  function renderMatrix() {
    const columns = [...new Map(runs.map((r) => [r.key, r.run.faults])).entries()].sort(
      (a, b) => a[1].length - b[1].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    );
    const table = el(
      'table',
      { class: 'matrix' },
      el(
        'thead',
        null,
        el(
          'tr',
          null,
          el('th', { scope: 'col', text: 'Journey' }),
          columns.map(([key, faults]) =>
            el(
              'th',
              { scope: 'col' },
              faultsTitle(faults),
              key ? el('code', { text: faultsCode(faults) }) : null,
            ),
          ),
        ),
      ),
      el(
        'tbody',
        null,
        data.scenarios.map((scenario, si) => {
          const row = el(
            'tr',
            null,
            el('th', { scope: 'row' }, scenario.title, el('code', { text: scenario.id })),
            columns.map(([key]) => {
              const here = runs.filter((r) => r.scenario === scenario && r.key === key);
              if (here.length === 0)
                return el('td', { class: 'na' }, el('span', { class: 'muted', text: 'not tested' }));
              return el(
                'td',
                null,
                here.map((r) => {
                  const button = el(
                    'button',
                    {
                      type: 'button',
                      class: `cell o-${r.run.outcome}${r.run.pass ? '' : ' is-miss'}`,
                      'data-run': r.id,
                      'aria-label': `${scenario.title}, ${r.title}: ${OUTCOME[r.run.outcome].label}${r.run.accepted ? ', accepted dead end' : r.run.pass ? '' : ', missed expectation'}. Show the story.`,
                      onclick: () => openRun(r.id, true),
                    },
                    el('span', { class: 'icon', 'aria-hidden': 'true', text: OUTCOME[r.run.outcome].icon }),
                    ` ${OUTCOME[r.run.outcome].label}`,
                    r.run.accepted
                      ? el('span', { class: 'flag is-accepted', text: '☑ accepted' })
                      : r.run.pass
                        ? null
                        : el('span', { class: 'flag', text: '⚠ missed' }),
                  );
                  cellButtons.push({ button, run: r });
                  return button;
                }),
              );
            }),
          );
          row.dataset.scenario = String(si);
          matrixRows.push(row);
          return row;
        }),
      ),
    );
    return el(
      'section',
      { id: 'matrix', 'aria-labelledby': 'matrix-title' },
      el('h2', { id: 'matrix-title', text: 'Journeys × what went wrong' }),
      el('p', {
        class: 'lead',
        text: 'Each row is a customer journey, each column a combination of failures we injected. Pick a cell to read what happened to the customer.',
      }),
      el(
        'div',
        { class: 'scroll', role: 'region', 'aria-label': 'Journeys by failures', tabindex: '0' },
        table,
      ),
    );
  }

  // ---------- runs ----------

  const runItems = new Map();
  const groups = [];

  function renderRuns() {
    return el(
      'section',
      { id: 'runs', 'aria-labelledby': 'runs-title' },
      el('h2', { id: 'runs-title', text: 'Every run' }),
      data.scenarios.map((scenario) => {
        const mine = runs.filter((r) => r.scenario === scenario);
        const list = el('ol', { class: 'runs' }, mine.map(renderRunItem));
        const group = el(
          'section',
          { class: 'journey', 'aria-label': scenario.title },
          el('h3', null, scenario.title, ' ', el('code', { text: scenario.id })),
          el(
            'p',
            { class: 'muted' },
            `Goal: ${scenario.goal} · deadline ${formatDeadline(scenario.deadline, scenario.timezone)}`,
            ` · shop: ${scenario.merchant}`,
            scenario.story ? ` · based on ${scenario.story}` : '',
          ),
          list,
        );
        groups.push({ group, runs: mine });
        return group;
      }),
      el('p', { class: 'empty', id: 'no-runs', hidden: true, text: 'No run matches these filters.' }),
    );
  }

  function renderRunItem(r) {
    const { run } = r;
    const s = run.scorecard;
    const toggle = el('button', {
      type: 'button',
      class: 'toggle',
      'aria-expanded': 'false',
      'aria-controls': `${r.id}-details`,
      text: 'Show the story',
      onclick: () => toggleRun(r.id),
    });
    const facts = [];
    if (s.moneyLost) facts.push(`${money(s.moneyLost, s.currency)} lost`);
    if (s.contacts) facts.push(plural(s.contacts, 'contact'));
    if (run.outcome !== 'ok' && s.timeToResolutionHours !== null)
      facts.push(`solved after ${hours(s.timeToResolutionHours)}`);
    if (run.findings.length) facts.push(plural(run.findings.length, 'finding'));
    const item = el(
      'li',
      { class: `run o-${run.outcome}${run.pass ? '' : ' missed'}`, id: r.id, 'data-outcome': run.outcome },
      el(
        'div',
        { class: 'run-head' },
        badge(run.outcome),
        el(
          'span',
          { class: 'run-title' },
          el('strong', { text: r.title }),
          ' ',
          el('code', { text: faultsCode(run.faults) }),
        ),
        run.accepted
          ? el('span', {
              class: 'verdict is-accepted',
              text: `☑ Accepted dead end (in the baseline; expected: ${OUTCOME[run.expected.outcome].label})`,
            })
          : run.pass
            ? el('span', { class: 'verdict is-good', text: '✓ as expected' })
            : el('span', {
                class: 'verdict is-miss',
                text: `⚠ Missed expectation (expected: ${OUTCOME[run.expected.outcome].label})`,
              }),
        el('span', { class: 'facts muted', text: facts.join(' · ') }),
        toggle,
      ),
      el('p', { class: 'run-explanation', text: run.explanation }),
      el('div', { class: 'details', id: `${r.id}-details`, hidden: true }),
    );
    runItems.set(r.id, { item, toggle, built: false });
    return item;
  }

  function toggleRun(id) {
    const entry = runItems.get(id);
    if (entry.toggle.getAttribute('aria-expanded') === 'true') closeRun(id);
    else openRun(id, false);
  }

  function closeRun(id) {
    const entry = runItems.get(id);
    entry.toggle.setAttribute('aria-expanded', 'false');
    entry.toggle.textContent = 'Show the story';
    entry.item.querySelector('.details').hidden = true;
  }

  function openRun(id, scroll) {
    const entry = runItems.get(id);
    if (!entry) return;
    const details = entry.item.querySelector('.details');
    if (!entry.built) {
      details.append(...renderDetails(byId.get(id)));
      entry.built = true;
    }
    details.hidden = false;
    entry.item.hidden = false;
    entry.toggle.setAttribute('aria-expanded', 'true');
    entry.toggle.textContent = 'Hide the story';
    if (scroll) {
      entry.item.scrollIntoView({ block: 'start' });
      entry.toggle.focus({ preventScroll: true });
    }
  }

  function renderDetails(r) {
    const { run, scenario } = r;
    const s = run.scorecard;
    const out = [];
    if (run.accepted) {
      out.push(
        el(
          'div',
          { class: 'callout is-accepted' },
          el('strong', { text: '☑ Accepted dead end. ' }),
          `Expected: ${OUTCOME[run.expected.outcome].label} — actually: ${OUTCOME[run.outcome].label}. `,
          'The team has accepted this dead end for now (it is listed in the baseline, deadend-baseline.json), so it does not fail the build. It is still a customer stranded.',
        ),
      );
    }
    if (!run.pass) {
      out.push(
        el(
          'div',
          { class: 'callout is-miss' },
          el('strong', { text: '⚠ Missed expectation. ' }),
          `Expected: ${OUTCOME[run.expected.outcome].label}`,
          run.expected.findings
            ? ` with findings: ${run.expected.findings.map(humanize).join(', ') || 'none'}`
            : '',
          ` — actually: ${OUTCOME[run.outcome].label}. `,
          run.failure || '',
        ),
      );
    }
    if (run.frontier?.length) {
      out.push(
        el('h4', { text: run.outcome === 'dead-end' ? 'Why there was no way out' : 'Ways that were closed' }),
        el(
          'ul',
          { class: 'frontier' },
          run.frontier.map((f) => el('li', { text: f })),
        ),
      );
    }

    let lastYear = '';
    const timeline = el(
      'ol',
      { class: 'timeline' },
      run.trace.map((entry, i) => {
        const parts = timeParts(entry.at, scenario.timezone);
        const year = parts ? parts.year : '';
        const when = formatTime(entry.at, scenario.timezone, year !== lastYear);
        lastYear = year;
        const previous = i > 0 ? Date.parse(run.trace[i - 1].at) : Number.NaN;
        const gapHours = (Date.parse(entry.at) - previous) / 3_600_000;
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
            ACTOR[entry.actor] || humanize(entry.actor),
            entry.channel
              ? el('span', { class: 'channel', text: ` ${CHANNEL[entry.channel] || entry.channel}` })
              : null,
          ),
          el('span', { class: 'text', text: entry.text }),
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
              ? run.outcome === 'dead-end'
                ? 'never'
                : '—'
              : hours(s.timeToResolutionHours),
      }),
      el('dt', { text: 'Contacts with staff' }),
      el('dd', { text: s.contacts }),
      el('dt', { text: 'Phone calls' }),
      el('dd', { text: s.calls }),
      el('dt', { text: 'Store visits' }),
      el('dd', { text: s.storeVisits }),
      el('dt', { text: 'Customer’s own time' }),
      el('dd', { text: hours(s.effortHours) }),
      el('dt', { text: 'Money lost' }),
      el('dd', { class: s.moneyLost ? 'is-miss' : '', text: money(s.moneyLost, s.currency) }),
    );

    const side = [el('h4', { text: 'Scorecard' }), card];
    if (run.findings.length) {
      side.push(
        el('h4', { text: 'Findings' }),
        el(
          'ul',
          { class: 'findings' },
          run.findings.map((f) =>
            el(
              'li',
              null,
              el('span', { class: `sev sev-${f.severity}`, text: f.severity }),
              ' ',
              el('strong', { text: humanize(f.oracle) }),
              el('br'),
              f.message,
              f.events.length
                ? el('span', { class: 'muted', text: ` (step ${f.events.map((e) => e + 1).join(', ')})` })
                : null,
            ),
          ),
        ),
      );
    }
    if (run.path.length) {
      side.push(
        el('h4', { text: 'What the customer did' }),
        el(
          'ol',
          { class: 'path' },
          run.path.map((p) => el('li', { text: p })),
        ),
      );
    }

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
          timeline,
        ),
        el('section', { class: 'side', 'aria-label': 'Scorecard and findings' }, side),
      ),
    );

    if (run.attachments?.length) {
      // Files the target kept next to this report: the page the customer was stuck on first.
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
    }

    const feedback = el('span', { class: 'copied', role: 'status', 'aria-live': 'polite' });
    const command = el('code', { class: 'command', text: run.replay });
    out.push(
      el('h4', { text: 'Replay this run' }),
      el(
        'div',
        { class: 'replay' },
        el('pre', null, command),
        el('button', {
          type: 'button',
          class: 'copy',
          text: 'Copy command',
          onclick: () => copy(run.replay, feedback, command),
        }),
        feedback,
      ),
      el('p', {
        class: 'muted small',
        text: `Scenario file ${scenario.file} · ${plural(run.stats.statesExplored, 'state')} explored · seed ${data.seed} · target ${data.target}`,
      }),
    );
    return out;
  }

  async function copy(text, feedback, command) {
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      const area = el('textarea', { class: 'offscreen', readonly: true });
      area.value = text;
      document.body.append(area);
      area.select();
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      area.remove();
    }
    if (!ok) {
      const range = document.createRange();
      range.selectNodeContents(command);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
    feedback.textContent = ok ? 'Copied ✓' : 'Selected — press Ctrl+C to copy';
    setTimeout(() => {
      feedback.textContent = '';
    }, 4000);
  }

  // ---------- filtering ----------

  function applyFilters() {
    let shown = 0;
    for (const r of runs) {
      const visible = matches(r);
      if (visible) shown++;
      runItems.get(r.id).item.hidden = !visible;
    }
    for (const { group, runs: mine } of groups) group.hidden = !mine.some(matches);
    for (const { button, run } of cellButtons) button.hidden = !matches(run);
    for (const row of matrixRows) row.hidden = !row.querySelector('button.cell:not([hidden])');
    document.getElementById('no-runs').hidden = shown > 0;
    status.textContent =
      shown === runs.length
        ? `Showing all ${plural(runs.length, 'run')}`
        : `Showing ${shown} of ${plural(runs.length, 'run')}`;
  }

  // ---------- page ----------

  app.replaceChildren(
    ...[
      renderSummary(),
      renderStranded(),
      renderFixes(),
      renderFindings(),
      renderFilters(),
      renderMatrix(),
      renderRuns(),
    ].filter(Boolean),
  );
  applyFilters();
  const target = /^#(run-\d+-\d+)/.exec(window.location.hash);
  if (target && byId.has(target[1])) openRun(target[1], true);
})();
