import { describe, expect, it } from 'vitest';
import { CronError, lastMissedRun, nextRun, nextRunIn, parseCron, zoneOffset } from './cron';
import { containerFate, pullError } from './fate';
import { hostAddress } from './pod-ips';
import { parseQuantity, QuantityError } from './quantity';
import { intOrPercent, newReplicaSetSize, resolveSurge, scaleDownOld } from './rollout';
import { nodeMatchesPod, selectorMatches, tolerates } from './selectors';

const at = (iso: string) => Date.parse(iso);

describe('quantities', () => {
  it.each([
    ['250m', 0.25],
    ['2', 2],
    ['1.5', 1.5],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1G', 1e9],
    ['512974848', 512974848],
    ['1e3', 1000],
    ['100n', 1e-7],
    ['8Ki', 8192],
  ])('%s = %d', (text, value) => expect(parseQuantity(text)).toBeCloseTo(value, 9));
  it('names the bad text', () =>
    expect(() => parseQuantity('12 apples', 'cpu')).toThrow(
      new QuantityError('cpu: "12 apples" is not a valid quantity'),
    ));
});

describe('rolling update arithmetic', () => {
  it.each([
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    [1, 10, true, 1],
    ['3', 10, false, 3],
  ] as const)('intOrPercent(%s of %d, up=%s) = %d', (v, total, up, want) =>
    expect(intOrPercent(v, total, up, 'f')).toBe(want),
  );
  it('both zero means one unavailable', () =>
    expect(resolveSurge({ maxSurge: 0, maxUnavailable: 0 }, 3)).toEqual({ maxSurge: 0, maxUnavailable: 1 }));
  it.each([
    {
      replicas: 4,
      surge: { maxSurge: 1, maxUnavailable: 0 },
      newRs: { spec: 0, available: 0 },
      all: [{ spec: 4, available: 4 }],
      want: 1,
    },
    {
      replicas: 4,
      surge: { maxSurge: 2, maxUnavailable: 0 },
      newRs: { spec: 0, available: 0 },
      all: [{ spec: 4, available: 4 }],
      want: 2,
    },
    {
      replicas: 4,
      surge: { maxSurge: 1, maxUnavailable: 0 },
      newRs: { spec: 1, available: 0 },
      all: [{ spec: 4, available: 4 }],
      want: 1,
    },
    {
      replicas: 2,
      surge: { maxSurge: 1, maxUnavailable: 0 },
      newRs: { spec: 5, available: 5 },
      all: [],
      want: 2,
    },
  ])('new replica set size $want', ({ replicas, surge, newRs, all, want }) =>
    expect(newReplicaSetSize(replicas, surge, newRs, [newRs, ...all])).toBe(want),
  );
  it.each([
    {
      name: 'keeps availability',
      replicas: 4,
      surge: { maxSurge: 1, maxUnavailable: 0 },
      newRs: { spec: 1, available: 0 },
      olds: [{ spec: 4, available: 4 }],
      want: [4],
    },
    {
      name: 'scales down once new pods are available',
      replicas: 4,
      surge: { maxSurge: 1, maxUnavailable: 0 },
      newRs: { spec: 1, available: 1 },
      olds: [{ spec: 4, available: 4 }],
      want: [3],
    },
    {
      name: 'drops unhealthy old replicas first',
      replicas: 4,
      surge: { maxSurge: 1, maxUnavailable: 1 },
      newRs: { spec: 1, available: 0 },
      olds: [{ spec: 4, available: 2 }],
      want: [3],
    },
    {
      name: 'oldest first',
      replicas: 4,
      surge: { maxSurge: 0, maxUnavailable: 2 },
      newRs: { spec: 0, available: 0 },
      olds: [
        { spec: 1, available: 1 },
        { spec: 3, available: 3 },
      ],
      want: [0, 2],
    },
  ])('$name', ({ replicas, surge, newRs, olds, want }) =>
    expect(scaleDownOld(replicas, surge, newRs, olds)).toEqual(want),
  );
});

describe('cron', () => {
  it.each([
    ['*/5 * * * *', '2026-12-04T12:01:30Z', '2026-12-04T12:05:00Z'],
    ['0 * * * *', '2026-12-04T12:00:00Z', '2026-12-04T13:00:00Z'],
    ['30 2 * * *', '2026-12-04T12:00:00Z', '2026-12-05T02:30:00Z'],
    ['0 9 * * MON-FRI', '2026-12-04T12:00:00Z', '2026-12-07T09:00:00Z'], // Friday → Monday
    ['0 0 1 JAN *', '2026-12-04T12:00:00Z', '2027-01-01T00:00:00Z'],
    ['@daily', '2026-12-04T12:00:00Z', '2026-12-05T00:00:00Z'],
    ['@hourly', '2026-12-04T12:59:59Z', '2026-12-04T13:00:00Z'],
    ['15,45 */6 * * *', '2026-12-04T06:20:00Z', '2026-12-04T06:45:00Z'],
    ['0 0 13 * 5', '2026-12-04T12:00:00Z', '2026-12-11T00:00:00Z'], // day 13 OR Friday
    ['0 0 * * 7', '2026-12-04T12:00:00Z', '2026-12-06T00:00:00Z'], // 7 = Sunday
    ['0 12 29 2 *', '2026-12-04T12:00:00Z', '2028-02-29T12:00:00Z'],
    ['@every 90s', '2026-12-04T12:00:00Z', '2026-12-04T12:01:30Z'],
    ['TZ=UTC 0 6 * * *', '2026-12-04T12:00:00Z', '2026-12-05T06:00:00Z'],
  ])('%s after %s is %s', (expr, after, want) =>
    expect(new Date(nextRun(parseCron(expr), at(after)) ?? 0).toISOString().replace('.000', '')).toBe(want),
  );
  it.each([
    ['* * * *', /expected 5 fields/],
    ['61 * * * *', /minute range "61"/],
    ['*/0 * * * *', /step "0"/],
    ['0 0 * * FUNDAY', /day-of-week value "FUNDAY"/],
    ['@every soon', /needs a duration/],
  ])('rejects %s', (expr, msg) => expect(() => parseCron(expr)).toThrow(msg));
  it('rejects with CronError', () => expect(() => parseCron('x')).toThrow(CronError));
  it.each([
    ['0 9 * * *', 'Asia/Seoul', '2026-12-04T12:00:00Z', '2026-12-05T00:00:00Z'],
    ['30 2 * * *', 'America/New_York', '2026-07-01T00:00:00Z', '2026-07-01T06:30:00Z'],
    ['30 2 * * *', 'America/New_York', '2026-12-04T00:00:00Z', '2026-12-04T07:30:00Z'],
    ['0 0 * * *', 'Etc/UTC', '2026-12-04T12:00:00Z', '2026-12-05T00:00:00Z'],
  ])('%s in %s after %s is %s', (expr, tz, after, want) =>
    expect(new Date(nextRunIn(parseCron(expr), at(after), tz) ?? 0).toISOString().replace('.000', '')).toBe(
      want,
    ),
  );
  it('rejects unknown time zones', () =>
    expect(() => zoneOffset('Mars/Olympus', 0)).toThrow(/unknown time zone "Mars\/Olympus"/));
  it('finds the latest missed run only', () => {
    const c = parseCron('*/10 * * * *');
    expect(
      new Date(lastMissedRun(c, at('2026-12-04T10:00:00Z'), at('2026-12-04T12:34:00Z')) ?? 0).toISOString(),
    ).toBe('2026-12-04T12:30:00.000Z');
    expect(lastMissedRun(c, at('2026-12-04T12:30:00Z'), at('2026-12-04T12:34:00Z'))).toBeUndefined();
  });
});

describe('container fate', () => {
  const pod = (annotations: Record<string, string> = {}, restartPolicy = 'Always') => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', annotations },
    spec: { restartPolicy },
  });
  it.each([
    ['nginx:1.27', false],
    ['registry.example.com:5000/team/app:v1', false],
    ['busybox:1.38.0@sha256:fd8d9aa63ba2f0982b5304e1ee8d3b90a210bc1ffb5314d980eb6962f1a9715d', false],
    ['nginx:doesnotexist', true],
    ['ghcr.io/acme/nonexistent-image:1.0', true],
    ['Nginx:1.0', true],
    ['', true],
  ])('image %j fails to pull: %s', (image, fails) => expect(Boolean(pullError(image))).toBe(fails));
  it.each([
    [{ command: ['sh', '-c', 'start; exit 3'] }, {}, true],
    [{ command: ['false'] }, {}, true],
    [{ command: ['sh', '-c', 'exit 0'] }, {}, false],
    [{}, { 'sim.flotilla.dev/crash': '*' }, true],
    [{}, { 'sim.flotilla.dev/crash': 'other' }, false],
    [{ image: 'acme/crashloop:1' }, {}, true],
  ])('%j with %j crashes: %s', (c, ann, crashes) =>
    expect(containerFate(pod(ann), { name: 'c', image: 'x:1', ...c }).crashes).toBe(crashes),
  );
  it('runs to completion unless restartPolicy is Always', () => {
    expect(containerFate(pod({}, 'Always'), { name: 'c', image: 'x:1' }).runMs).toBeUndefined();
    expect(containerFate(pod({}, 'Never'), { name: 'c', image: 'x:1' }).runMs).toBe(-1);
    expect(
      containerFate(pod({ 'sim.flotilla.dev/run-seconds': '7' }), { name: 'c', image: 'x:1' }).runMs,
    ).toBe(7000);
  });
});

describe('selectors and IPs', () => {
  it.each([
    [{ matchLabels: { app: 'a' } }, { app: 'a', x: 'y' }, true],
    [{ matchLabels: { app: 'a' } }, { app: 'b' }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['web', 'api'] }] }, { tier: 'api' }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, {}, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, {}, false],
    [{}, { any: 'thing' }, true],
  ])('%j matches %j: %s', (sel, labels, want) => expect(selectorMatches(sel, labels)).toBe(want));
  it.each([
    [[{ key: 'k', operator: 'Exists' }], { key: 'k', effect: 'NoSchedule' }, true],
    [[{ operator: 'Exists' }], { key: 'k', effect: 'NoExecute' }, true],
    [[{ key: 'k', value: 'v', effect: 'NoSchedule' }], { key: 'k', value: 'v', effect: 'NoSchedule' }, true],
    [[{ key: 'k', value: 'v', effect: 'NoExecute' }], { key: 'k', value: 'v', effect: 'NoSchedule' }, false],
    [[], { key: 'k', effect: 'NoSchedule' }, false],
  ])('tolerations %j tolerate %j: %s', (tols, taint, want) => expect(tolerates(tols, taint)).toBe(want));
  it('node affinity by field and label', () => {
    const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { disk: 'ssd' } } };
    const affinity = (term: object) => ({
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } },
      },
    });
    expect(
      nodeMatchesPod(
        node,
        affinity({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }),
      ),
    ).toBe(true);
    expect(
      nodeMatchesPod(
        node,
        affinity({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }),
      ),
    ).toBe(false);
    expect(
      nodeMatchesPod(
        node,
        affinity({ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }),
      ),
    ).toBe(true);
    expect(nodeMatchesPod(node, { nodeSelector: { disk: 'hdd' } })).toBe(false);
  });
  it.each([
    ['10.244.1.0/24', 2, '10.244.1.2'],
    ['100.96.0.0/24', 300, '100.96.0.46'],
    ['192.168.0.0/16', 256, '192.168.1.0'],
  ])('host %d of %s', (cidr, host, want) => expect(hostAddress(cidr, host as number)).toBe(want));
});
