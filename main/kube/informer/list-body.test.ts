import { describe, expect, it } from 'vitest';
import { scanList } from './list-body';

const scan = (text: string) => scanList(Buffer.from(text, 'utf8'), 'GET /api/v1/pods');

describe('scanList', () => {
  it('finds every item and the list metadata, wherever the keys are', () => {
    const items = [
      { metadata: { name: 'a', labels: { x: '}]{[' } }, spec: { list: [1, { y: [] }] } },
      { metadata: { name: 'b "quoted" \\ back\\"slash', annotations: { k: 'é ✓ 𝄞' } } },
      { metadata: { name: 'c' }, data: '\\\\' },
    ];
    const body = JSON.stringify({
      kind: 'PodList',
      items,
      apiVersion: 'v1',
      metadata: { resourceVersion: '42', continue: 'tok', remainingItemCount: 7 },
    });
    const list = scan(body)!;
    expect(list.metadata).toEqual({ resourceVersion: '42', continue: 'tok', remainingItemCount: 7 });
    expect(list.items.length).toBe(3);
    expect([...list.items]).toEqual(items);
  });

  it('reads pretty-printed answers and empty or missing item lists', () => {
    const pretty = JSON.stringify(
      { metadata: { resourceVersion: '1' }, items: [{ a: 1 }, { b: [2] }] },
      null,
      2,
    );
    expect([...scan(`${pretty}\n`)!.items]).toEqual([{ a: 1 }, { b: [2] }]);
    expect(scan('{"metadata":{"resourceVersion":"3"},"items":[]}')!.items.length).toBe(0);
    expect(scan('{"metadata":{"resourceVersion":"3"},"items":null}')!.items.length).toBe(0);
    expect(scan('{"kind":"List"}')!.metadata).toEqual({});
  });

  it('gives up on what is not a list object, so the caller can report the parse error', () => {
    expect(scan('')).toBeUndefined();
    expect(scan('[1,2]')).toBeUndefined();
    expect(scan('{"items":[{"a":1}')).toBeUndefined();
    expect(scan('{"items":[{"a":"1}]}')).toBeUndefined();
    expect(scan('{"items":[1,2]}')).toBeUndefined();
    expect(scan('{"items":[]} trailing')).toBeUndefined();
    expect(scan('{"metadata":{"resourceVersion":tru},"items":[]}')).toBeUndefined();
  });

  it('names the list and the item when an item is not JSON', () => {
    const list = scan('{"items":[{"a":1},{"b":nope}]}')!;
    expect(list.items.length).toBe(2);
    expect(() => [...list.items]).toThrow(/GET \/api\/v1\/pods: item 1 of the list is not JSON/);
  });
});
