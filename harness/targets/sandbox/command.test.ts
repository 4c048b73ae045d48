import { describe, expect, it } from 'vitest';
import { sandboxCommand, sandboxPorts } from './command.ts';

function capture() {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } },
    out: () => out,
    err: () => err,
  };
}

describe('deadend sandbox (command)', () => {
  it('reads ports: a base, overrides by name, 0 for free ports', () => {
    expect(sandboxPorts({ basePort: '7000', port: ['smtp=2526'] })).toEqual({
      payment: 7000,
      mailbox: 7001,
      licensing: 7002,
      support: 7003,
      control: 7004,
      backoffice: 7005,
      all: 7007,
      smtp: 2526,
    });
    expect(sandboxPorts({ basePort: '0' }).payment).toBe(0);
    expect(() => sandboxPorts({ port: ['stripe=1'] })).toThrow(/NAME one of payment, mailbox/);
  });

  it('prints where every service is, serves, and stops when told', async () => {
    const c = capture();
    let stop!: () => void;
    const until = new Promise<void>((r) => {
      stop = r;
    });
    const done = sandboxCommand(
      { basePort: '0', scenario: 'scenarios/000-converter-lite-christmas-eve.yaml', faults: 'holidays' },
      c.io,
      until,
    );
    await expect.poll(() => c.out(), { timeout: 5000 }).toContain('Ctrl-C stops');
    expect(c.out()).toContain('scenario converter-lite-christmas-eve (merchant converter-co)');
    expect(c.out()).toContain('faults: holidays');
    const control = /control\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(c.out())![1]!;
    const health = (await (await fetch(`${control}/v1/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    stop();
    expect(await done).toBe(0);
  });

  it('--shop starts the reference shop beside the sandbox, selling the scenario merchant’s products', async () => {
    const c = capture();
    let stop!: () => void;
    const until = new Promise<void>((r) => {
      stop = r;
    });
    const done = sandboxCommand(
      { basePort: '0', scenario: 'scenarios/000-converter-lite-christmas-eve.yaml', shop: '0' },
      c.io,
      until,
    );
    await expect.poll(() => c.out(), { timeout: 5000 }).toContain('Ctrl-C stops');
    const shop = /shop\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(c.out())![1]!;
    const home = await (await fetch(shop)).text();
    expect(home).toContain('Converter Lite');
    stop();
    expect(await done).toBe(0);
    expect(await sandboxCommand({ basePort: '0', shop: 'x' }, capture().io, Promise.resolve())).toBe(2);
  });

  it('a bad scenario or fault label is exit 2 with a plain message', async () => {
    const c = capture();
    expect(
      await sandboxCommand(
        { basePort: '0', scenario: 'scenarios/000-converter-lite-christmas-eve.yaml', faults: 'holiday' },
        c.io,
        Promise.resolve(),
      ),
    ).toBe(2);
    expect(c.err()).toMatch(/^deadend: the scenario has no fault "holiday" — did you mean "holidays"\?/);
  });
});
