import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { maskCardNumbers, maskTraceZip } from './maskArtifacts.ts';

const tmp = mkdtempSync(join(tmpdir(), 'deadend-mask-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('maskCardNumbers', () => {
  it('masks a card number as a page, a form body and a URL write it', () => {
    expect(maskCardNumbers('value="4242 4242 4242 4242"')).toBe('value="•••• 4242"');
    expect(maskCardNumbers('email=a%40b.c&card=4242+4242+4242+4242&x=1')).toBe(
      'email=a%40b.c&card=•••• 4242&x=1',
    );
    expect(maskCardNumbers('card=4242%204242%204242%204242')).toBe('card=•••• 4242');
    expect(maskCardNumbers('"postData":"card=4242424242424242"')).toBe('"postData":"card=•••• 4242"');
  });

  it('leaves a trace readable: JSON numbers and digit runs that are no card stay', () => {
    const line =
      '{"type":"before","wallTime":1764576000000,"startTime":1764576000123.5,"id":"4242424242424241"}';
    expect(maskCardNumbers(line)).toBe(line);
    expect(JSON.parse(maskCardNumbers('{"wallTime":4242424242424242}')).wallTime).toBe(4242424242424242);
  });
});

describe('maskTraceZip', () => {
  it('rewrites every text entry masked and keeps binary entries byte for byte', () => {
    const path = join(tmp, 'trace.zip');
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0x00, 0x34, 0x32, 0x34, 0x32]);
    writeFileSync(
      path,
      zipSync({
        'trace.network': strToU8('{"postData":"card=4242+4242+4242+4242"}\n'),
        'resources/page.html': strToU8('<input value="4242 4242 4242 4242">'),
        'resources/shot.jpeg': jpeg,
      }),
    );
    maskTraceZip(path);
    const entries = unzipSync(readFileSync(path));
    expect(strFromU8(entries['trace.network']!)).toBe('{"postData":"card=•••• 4242"}\n');
    expect(strFromU8(entries['resources/page.html']!)).toBe('<input value="•••• 4242">');
    expect(entries['resources/shot.jpeg']).toEqual(jpeg);
  });
});
