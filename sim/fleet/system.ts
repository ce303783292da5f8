/** kube-system: DNS, kube-proxy, metrics-server and, on clusters that show them, control-plane static pods. */
import type { KObject } from '../store/api';
import { configMap, container, daemonSet, deployment, service, serviceAccount } from './builders';

export interface SystemInput {
  /** Names of control-plane nodes with their InternalIP; static pods go on each. */
  controlPlaneNodes: Array<{ name: string; ip: string }>;
  coreDnsReplicas: number;
  proxyImage: string;
  withProxy: boolean;
  /** e.g. 'v1.28.7+vmware.1' → images tagged like it */
  version?: string;
  /** A CNI agent daemonset (antrea, calico-node, azure-cns …). */
  cni?: { name: string; image: string };
}

const NS = 'kube-system';
const tolerateAll = [{ operator: 'Exists' }];

function staticPod(
  component: string,
  node: { name: string; ip: string },
  image: string,
  command: string[],
  cpu: string,
): KObject {
  const labels = { component, tier: 'control-plane' };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${node.name}`,
      namespace: NS,
      labels,
      annotations: {
        'kubernetes.io/config.source': 'file',
        'kubernetes.io/config.hash': component.length.toString(16).padStart(32, 'a'),
        'kubernetes.io/config.mirror': component.length.toString(16).padStart(32, 'a'),
        ...(component === 'kube-apiserver'
          ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${node.ip}:6443` }
          : {}),
      },
    },
    spec: {
      nodeName: node.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: component,
          image,
          command,
          imagePullPolicy: 'IfNotPresent',
          resources: { requests: { cpu } },
          livenessProbe: {
            httpGet: { host: node.ip, path: '/livez', port: 10257, scheme: 'HTTPS' },
            initialDelaySeconds: 10,
          },
        },
      ],
    },
  };
}

export function kubeSystem(input: SystemInput): KObject[] {
  const v = input.version ?? input.proxyImage.split(':')[1] ?? 'v1.29.4';
  const tag = v.replace('+', '_');
  const out: KObject[] = [];
  for (const node of input.controlPlaneNodes) {
    out.push(
      staticPod(
        'etcd',
        node,
        'registry.k8s.io/etcd:3.5.12-0',
        ['etcd', `--advertise-client-urls=https://${node.ip}:2379`, '--data-dir=/var/lib/etcd'],
        '100m',
      ),
    );
    out.push(
      staticPod(
        'kube-apiserver',
        node,
        `registry.k8s.io/kube-apiserver:${tag}`,
        ['kube-apiserver', `--advertise-address=${node.ip}`, '--secure-port=6443'],
        '250m',
      ),
    );
    out.push(
      staticPod(
        'kube-controller-manager',
        node,
        `registry.k8s.io/kube-controller-manager:${tag}`,
        ['kube-controller-manager', '--leader-elect=true'],
        '200m',
      ),
    );
    out.push(
      staticPod(
        'kube-scheduler',
        node,
        `registry.k8s.io/kube-scheduler:${tag}`,
        ['kube-scheduler', '--leader-elect=true'],
        '100m',
      ),
    );
  }
  const dnsLabels = { 'k8s-app': 'kube-dns' };
  out.push(serviceAccount('coredns', NS, {}));
  out.push(
    configMap(
      'coredns',
      NS,
      {},
      {
        Corefile:
          '.:53 {\n    errors\n    health\n    ready\n    kubernetes cluster.local in-addr.arpa ip6.arpa {\n       pods insecure\n       fallthrough in-addr.arpa ip6.arpa\n    }\n    prometheus :9153\n    forward . /etc/resolv.conf\n    cache 30\n    loop\n    reload\n    loadbalance\n}\n',
      },
    ),
  );
  const dns = deployment({
    name: 'coredns',
    namespace: NS,
    labels: dnsLabels,
    replicas: input.coreDnsReplicas,
    serviceAccountName: 'coredns',
    priorityClassName: 'system-cluster-critical',
    tolerations: [
      { key: 'CriticalAddonsOnly', operator: 'Exists' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ],
    containers: [
      container({
        name: 'coredns',
        image: 'registry.k8s.io/coredns/coredns:v1.11.1',
        port: 53,
        portName: 'dns',
        cpu: '100m',
        memory: '70Mi',
        cpuLimit: '',
        memoryLimit: '170Mi',
        probes: 'tcp',
        args: ['-conf', '/etc/coredns/Corefile'],
      }),
    ],
    maxSurge: '25%',
    maxUnavailable: 1,
  });
  out.push(dns);
  out.push(
    service({
      name: 'kube-dns',
      namespace: NS,
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/name': 'CoreDNS' },
      selector: dnsLabels,
      ports: [
        { name: 'dns', port: 53, targetPort: 53 },
        { name: 'metrics', port: 9153, targetPort: 9153 },
      ],
    }),
  );
  const msLabels = { 'k8s-app': 'metrics-server' };
  out.push(serviceAccount('metrics-server', NS, msLabels));
  out.push(
    deployment({
      name: 'metrics-server',
      namespace: NS,
      labels: msLabels,
      serviceAccountName: 'metrics-server',
      priorityClassName: 'system-cluster-critical',
      containers: [
        container({
          name: 'metrics-server',
          image: 'registry.k8s.io/metrics-server/metrics-server:v0.7.1',
          port: 10250,
          portName: 'https',
          cpu: '100m',
          memory: '200Mi',
          cpuLimit: '',
          probes: 'tcp',
          args: [
            '--cert-dir=/tmp',
            '--secure-port=10250',
            '--kubelet-preferred-address-types=InternalIP',
            '--metric-resolution=15s',
          ],
        }),
      ],
    }),
  );
  out.push(
    service({
      name: 'metrics-server',
      namespace: NS,
      labels: msLabels,
      selector: msLabels,
      ports: [{ name: 'https', port: 443, targetPort: 'https' }],
    }),
  );
  if (input.withProxy) {
    const proxyLabels = { 'k8s-app': 'kube-proxy' };
    out.push(serviceAccount('kube-proxy', NS, {}));
    out.push(
      daemonSet({
        name: 'kube-proxy',
        namespace: NS,
        labels: proxyLabels,
        serviceAccountName: 'kube-proxy',
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        tolerations: tolerateAll,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        containers: [
          container({
            name: 'kube-proxy',
            image: input.proxyImage,
            cpu: '50m',
            memory: '50Mi',
            noResources: false,
            securityContext: { privileged: true },
            command: [
              '/usr/local/bin/kube-proxy',
              '--config=/var/lib/kube-proxy/config.conf',
              '--hostname-override=$(NODE_NAME)',
            ],
          }),
        ],
      }),
    );
  }
  if (input.cni) {
    const cniLabels = { 'k8s-app': input.cni.name, component: input.cni.name };
    out.push(serviceAccount(input.cni.name, NS, cniLabels));
    out.push(
      daemonSet({
        name: input.cni.name,
        namespace: NS,
        labels: cniLabels,
        serviceAccountName: input.cni.name,
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        tolerations: tolerateAll,
        containers: [
          container({
            name: input.cni.name,
            image: input.cni.image,
            cpu: '200m',
            memory: '100Mi',
            cpuLimit: '',
            memoryLimit: '',
            securityContext: { privileged: true },
          }),
        ],
      }),
    );
  }
  return out;
}
