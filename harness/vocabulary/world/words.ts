/** How the world writes dates and amounts in its sentences (the story's own forms). */
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
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    weekday: 'short',
  });
  const get = (type: string) => f.formatToParts(t).find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(get('weekday'));
  return {
    weekday,
    day: Number(get('day')),
    month: Number(get('month')),
    year: Number(get('year')),
    time: `${get('hour')}:${get('minute')}`,
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
