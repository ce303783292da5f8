import { describe, expect, it } from 'vitest';
import { defaultFilter, PAGE, toQuery } from './query';

describe('workloads list query', () => {
  it('asks main for one page of one kind with objects, sorted in main', () => {
    expect(toQuery(defaultFilter('Pod'), 300)).toEqual({
      kinds: ['Pod'],
      clusters: undefined,
      namespaces: undefined,
      labelSelector: undefined,
      text: undefined,
      nodeName: undefined,
      owner: undefined,
      statuses: undefined,
      sort: 'name',
      dir: 'asc',
      offset: 300,
      limit: PAGE,
      withObject: true,
    });
  });

  it('passes every filter through, trimmed', () => {
    const q = toQuery(
      {
        ...defaultFilter('Job'),
        clusters: ['a', 'b'],
        namespace: 'shop',
        labelSelector: ' app=web ',
        text: ' pay ',
        nodeName: 'n1',
        owner: { kind: 'CronJob', name: 'nightly' },
        status: 'Failed',
        sort: 'restarts',
        dir: 'desc',
      },
      0,
    );
    expect(q).toMatchObject({
      kinds: ['Job'],
      clusters: ['a', 'b'],
      namespaces: ['shop'],
      labelSelector: 'app=web',
      text: 'pay',
      nodeName: 'n1',
      owner: { kind: 'CronJob', name: 'nightly' },
      statuses: ['Failed'],
      sort: 'restarts',
      dir: 'desc',
    });
    expect(PAGE).toBeLessThanOrEqual(100);
  });
});
