/** How the world writes dates and amounts in its sentences (the story's own forms). */
import { timeZone, wallClock } from '../../clock/wallClock.ts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function parts(
  t: number,
  zone: string,
): { weekday: number; day: number; month: number; year: number; time: string } {
  const c = wallClock(t, timeZone(zone));
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    weekday: c.weekday - 1,
    day: c.day,
    month: c.month,
    year: c.year,
    time: `${pad(c.hour)}:${pad(c.minute)}`,
  };
}

/** "Monday 16 March 2026 at 09:00" */
export function longDateTime(t: number, zone: string): string {
  if (!Number.isFinite(t)) return 'never';
  const p = parts(t, zone);
  return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month - 1]} ${p.year} at ${p.time}`;
}

/** "Wednesday 1 April 2026" */
export function longDate(t: number, zone: string): string {
  if (!Number.isFinite(t)) return 'never';
  const p = parts(t, zone);
  return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** "£119", "€180", "6.50 EUR" for a currency without a sign here. */
export function amountText(amount: number, currency: string): string {
  const sign: Record<string, string> = { GBP: '£', EUR: '€', USD: '$' };
  const text = Number.isInteger(amount) ? String(amount) : amount.toFixed(2);
  return sign[currency] ? `${sign[currency]}${text}` : `${text} ${currency}`;
}
