import { describe, expect, it } from 'vitest';
import { createGate } from './gate';

describe('gate', () => {
  it('lets `limit` holders in and the rest in order', async () => {
    const gate = createGate(2);
    const order: number[] = [];
    const a = await gate.acquire();
    const b = await gate.acquire();
    const c = gate.acquire().then((r) => (order.push(3), r));
    const d = gate.acquire().then((r) => (order.push(4), r));
    expect(gate.active).toBe(2);
    expect(gate.waiting).toBe(2);
    a();
    a(); // a second release of the same slot is ignored
    const rc = await c;
    expect(order).toEqual([3]);
    expect(gate.waiting).toBe(1);
    b();
    const rd = await d;
    expect(order).toEqual([3, 4]);
    rc();
    rd();
    expect(gate.active).toBe(0);
  });

  it('drops a waiter whose signal aborts', async () => {
    const gate = createGate(1);
    const held = await gate.acquire();
    const ac = new AbortController();
    const waiting = gate.acquire(ac.signal);
    ac.abort();
    await expect(waiting).rejects.toThrow(/cancelled/);
    expect(gate.waiting).toBe(0);
    held();
    expect(gate.active).toBe(0);
  });
});
