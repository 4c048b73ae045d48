/**
 * Small formatting helpers shared by the reporters, so every format names things the same way.
 * Everything here is deterministic: no clock, no locale or time zone of the machine.
 */
import {
  faultsKey,
  faultsLabel,
  type Outcome,
  type RunResult,
  type ScenarioResult,
} from '../core/contract.ts';

export { faultsKey, faultsLabel } from '../core/contract.ts';

/** Short plain-language name of an outcome. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  ok: 'ok',
  recovered: 'recovered',
  'recovered-with-help': 'recovered with help',
  'dead-end': 'dead end',
};

/**
 * One label per run of a scenario: the fault combination, plus the persona when several runs of the
 * scenario share a combination (monte-carlo), so that labels are unique within the scenario.
 */
export function runLabels(scenario: ScenarioResult): string[] {
  const seen = new Map<string, number>();
  for (const run of scenario.runs)
    seen.set(faultsKey(run.faults), (seen.get(faultsKey(run.faults)) ?? 0) + 1);
  return scenario.runs.map((run) => runLabel(run, (seen.get(faultsKey(run.faults)) ?? 0) > 1));
}

function runLabel(run: RunResult, withPersona: boolean): string {
  const label = faultsLabel(run.faults);
  return withPersona ? `${label} · persona #${run.persona.index}` : label;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `35 min`, `5.5 h`, `12.3 days`; `—` when there is no value. */
export function formatHours(hours: number | null): string {
  if (hours === null || !Number.isFinite(hours)) return '—';
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${round1(hours)} h`;
  return `${round1(hours / 24)} days`;
}

export function round1(n: number): string {
  return String(Math.round(n * 10) / 10);
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** `$250.00`; falls back to `250.00 XYZ` for a currency code Intl does not know. */
export function formatMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    } catch {
      return `${amount.toFixed(2)} ${currency}`;
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    let zone = timeZone;
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone });
    } catch {
      zone = 'UTC';
    }
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(timeZone, format);
  }
  return format;
}

/**
 * `24 Dec 17:32` in the given IANA time zone (`24 Dec 2025 17:32` with the year). The HTML report's
 * script formats the same way in the browser; keep them in step.
 */
export function formatInstant(iso: string, timeZone: string, withYear = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = dateFormat(timeZone).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')} ${get('month')}${withYear ? ` ${get('year')}` : ''} ${get('hour')}:${get('minute')}`;
}

/** Year of an instant in a time zone, to decide where a timeline shows the year. */
export function yearIn(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return (
    dateFormat(timeZone)
      .formatToParts(date)
      .find((p) => p.type === 'year')?.value ?? ''
  );
}

/**
 * The customer's story as plain lines, `24 Dec 2025 17:32 — The customer ordered …`. The year is shown
 * on the first line and wherever it changes.
 */
export function timelineLines(scenario: ScenarioResult, run: RunResult): string[] {
  let lastYear = '';
  return run.trace.map((entry) => {
    const year = yearIn(entry.at, scenario.timezone);
    const line = `${formatInstant(entry.at, scenario.timezone, year !== lastYear)} — ${entry.text}`;
    lastYear = year;
    return line;
  });
}
