import { describe, expect, it } from 'vitest';
import { MetricsFormatError } from '../../../shared/workloads/usage';
import { KubeHttpError, KubeTimeoutError } from '../../kube/request';
import { usageProblem } from './pod-usage';

/** The sentence the pod page shows for each way of not having usage figures. */
describe('usageProblem', () => {
  const path = '/apis/metrics.k8s.io/v1beta1/namespaces/shop/pods/web-1';
  it.each([
    [
      new KubeHttpError(
        404,
        'NotFound',
        `${path}: HTTP 404: the server could not find the requested resource`,
      ),
      'This cluster does not serve metrics.k8s.io (no metrics-server is installed).',
    ],
    [
      new KubeHttpError(
        404,
        'NotFound',
        `${path}: HTTP 404: podmetrics.metrics.k8s.io "shop/web-1" not found`,
      ),
      'metrics-server has not measured pod shop/web-1 yet: it measures running pods about every 30 seconds.',
    ],
    [
      new KubeHttpError(503, 'ServiceUnavailable', `${path}: HTTP 503: service unavailable`),
      'metrics.k8s.io is registered but not answering (metrics-server is down or starting).',
    ],
    [
      new KubeHttpError(403, 'Forbidden', `${path}: HTTP 403: forbidden`),
      'You may not read metrics.k8s.io on this cluster (HTTP 403).',
    ],
    [new KubeHttpError(500, '', `${path}: HTTP 500`), "The cluster answered HTTP 500 for the pod's metrics."],
    [new KubeTimeoutError(5000), 'The cluster did not answer within 5 s (GET pod metrics).'],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6443'), { code: 'ECONNREFUSED' }),
      'The cluster cannot be reached (connect ECONNREFUSED 127.0.0.1:6443).',
    ],
    [
      new MetricsFormatError('containers[0].usage.cpu: "x" is not a resource quantity'),
      'The cluster\'s PodMetrics is malformed: containers[0].usage.cpu: "x" is not a resource quantity.',
    ],
    ['odd', "The pod's metrics could not be read: odd."],
  ])('%s', (error, sentence) => {
    expect(usageProblem(error, 'shop/web-1')).toBe(sentence);
  });
});
