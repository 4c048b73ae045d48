/**
 * Just enough of RFC 5322 / MIME to read what mail libraries send: headers (unfolded, with
 * RFC 2047 encoded words decoded), multipart bodies, quoted-printable and base64, and the
 * first text/plain and text/html parts.
 *
 * It reads the message as bytes (one char per byte, latin1), never as UTF-8 text: an 8-bit body
 * is only text once its part's charset is known (iso-8859-1, windows-1252, …).
 */

export interface ParsedMail {
  headers: Record<string, string>;
  subject: string;
  from: string;
  text: string | null;
  html: string | null;
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function qpBytes(text: string, header: boolean): Uint8Array {
  const src = header ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  const out: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = src.charCodeAt(i);
      // A body is a byte string already; a header was decoded from UTF-8 before.
      if (code < 128 || !header) out.push(code & 0xff);
      else out.push(...new TextEncoder().encode(c));
    }
  }
  return Uint8Array.from(out);
}

/** `=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=` → `Grüße`; adjacent encoded words join without the space. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, enc: string, data: string) => {
      const cs = charset.split('*')[0]!;
      const bytes =
        enc.toUpperCase() === 'B' ? Uint8Array.from(Buffer.from(data, 'base64')) : qpBytes(data, true);
      return decodeBytes(bytes, cs);
    });
}

function splitHead(raw: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  if (!m) return { head: raw, body: '' };
  return { head: raw.slice(0, m.index), body: raw.slice(m.index + m[0].length) };
}

export function parseHeaders(head: string): Record<string, string> {
  const out: Record<string, string> = {};
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

function param(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return m ? (m[1] ?? m[2]) : undefined;
}

function decodeBody(body: string, encoding: string | undefined, charset: string): string {
  const enc = (encoding ?? '7bit').toLowerCase();
  if (enc === 'base64')
    return decodeBytes(Uint8Array.from(Buffer.from(body.replace(/\s+/g, ''), 'base64')), charset);
  if (enc === 'quoted-printable') return decodeBytes(qpBytes(body, false), charset);
  return decodeBytes(Buffer.from(body, 'latin1'), charset);
}

function walk(raw: string, out: { text: string | null; html: string | null }): Record<string, string> {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const type = headers['content-type'] ?? 'text/plain';
  const mediaType = type.split(';')[0]!.trim().toLowerCase();
  if (mediaType.startsWith('multipart/')) {
    const boundary = param(type, 'boundary');
    if (boundary) {
      const parts = body.split(
        new RegExp(`\\r?\\n?--${boundary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`),
      );
      for (const part of parts.slice(1)) if (part.trim() !== '') walk(part, out);
    }
    return headers;
  }
  const disposition = headers['content-disposition']?.toLowerCase() ?? '';
  if (disposition.startsWith('attachment')) return headers;
  const charset = param(type, 'charset') ?? 'utf-8';
  if (mediaType === 'text/plain' && out.text === null)
    out.text = decodeBody(body, headers['content-transfer-encoding'], charset).replace(/\r\n/g, '\n');
  else if (mediaType === 'text/html' && out.html === null)
    out.html = decodeBody(body, headers['content-transfer-encoding'], charset).replace(/\r\n/g, '\n');
  return headers;
}

/** Header values are UTF-8 when they are 8-bit at all (RFC 6532). */
function textHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k] = decodeBytes(Buffer.from(v, 'latin1'), 'utf-8');
  return out;
}

/** A message as it came off the wire (bytes), or as text (encoded as UTF-8 first). */
export function parseMail(raw: Uint8Array | string): ParsedMail {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
  const out = { text: null as string | null, html: null as string | null };
  const headers = textHeaders(walk(bytes.toString('latin1'), out));
  return {
    headers,
    subject: decodeWords(headers.subject ?? ''),
    from: decodeWords(headers.from ?? ''),
    text: out.text === null ? null : out.text.replace(/\n$/, ''),
    html: out.html,
  };
}
