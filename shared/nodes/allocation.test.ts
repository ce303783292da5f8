import { describe, expect, it } from 'vitest';
import { holdsRequests, percentOf, podOnNode, podRequests, requestsByNode } from './allocation';

const c = (cpu?: string, memory?: string, extra: object = {}) => ({
  name: 'c',
  resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } },
  ...extra,
});

describe('podRequests', () => {
  it.each([
    ['containers summed', { containers: [c('100m', '64Mi'), c('250m', '128Mi')] }, 0.35, 192 * 2 ** 20],
    ['no requests', { containers: [{ name: 'x' }] }, 0, 0],
    [
      'init larger than containers',
      { containers: [c('100m')], initContainers: [c('500m', '1Gi')] },
      0.5,
      2 ** 30,
    ],
    ['init smaller', { containers: [c('1', '2Gi')], initContainers: [c('500m', '1Gi')] }, 1, 2 * 2 ** 30],
    [
      'sidecar adds and counts under later inits',
      {
        containers: [c('100m')],
        initContainers: [c('200m', undefined, { restartPolicy: 'Always' }), c('250m')],
      },
      0.45,
      0,
    ],
    [
      'overhead added',
      { containers: [c('100m', '10Mi')], overhead: { cpu: '250m', memory: '120Mi' } },
      0.35,
      130 * 2 ** 20,
    ],
  ])('%s', (_, spec, cpu, memory) => {
    const r = podRequests({ spec });
    expect(r.cpu).toBeCloseTo(cpu, 9);
    expect(r.memory).toBe(memory);
  });
});

describe('requestsByNode', () => {
  it('sums non-terminated bound pods per node', () => {
    const pod = (node: string, phase: string, cpu: string) =>
      podOnNode({ spec: { nodeName: node, containers: [c(cpu, '1Mi')] }, status: { phase } });
    const byNode = requestsByNode([
      pod('a', 'Running', '100m'),
      pod('a', 'Pending', '200m'),
      pod('a', 'Succeeded', '1'),
      pod('b', 'Failed', '1'),
      pod('b', 'Running', '300m'),
      pod('', 'Pending', '5'),
    ]);
    expect(Object.fromEntries(byNode)).toEqual({
      a: { cpu: 0.3, memory: 2 * 2 ** 20, pods: 2 },
      b: { cpu: 0.3, memory: 2 ** 20, pods: 1 },
    });
  });

  it.each([
    ['n', 'Running', true],
    ['n', 'Unknown', true],
    ['n', 'Succeeded', false],
    ['n', 'Failed', false],
    ['', 'Running', false],
    [null, 'Pending', false],
  ])('holdsRequests(%s, %s) = %s', (nodeName, phase, expected) => {
    expect(holdsRequests({ nodeName, phase })).toBe(expected);
  });
});

describe('percentOf', () => {
  it.each([
    [2.92, 10, 29],
    [1, 4, 25],
    [0, 4, 0],
    [5, 4, 125],
    [1, 0, undefined],
  ])('%d / %d → %s', (r, a, expected) => {
    expect(percentOf(r, a)).toBe(expected);
  });
});
