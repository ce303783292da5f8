/** Definitions (compact notation, see schema-dsl.ts) of the top-level built-in kinds with full field tables. */
import { kindFields, type Def } from './schema-dsl';

const status = (kind: string): readonly [string, string] => [
  'object',
  `Most recently observed status of the ${kind}. Populated by the system. Read-only.`,
];
const selector: readonly [string, string] = [
  'meta.LabelSelector',
  "Label query over pods that should match the replica count. It must match the pod template's labels.",
];
const template: readonly [string, string] = [
  'core.PodTemplateSpec',
  'Template describes the pods that will be created.',
];
const minReady: readonly [string, string] = [
  'integer',
  'Minimum number of seconds for which a newly created pod should be ready without any of its container crashing.',
];
const history: readonly [string, string] = [
  'integer',
  'The number of old history to retain to allow rollback. Defaults to 10.',
];

/** Supporting (non top-level) definitions. */
export const KIND_SUPPORT_DEFS: Record<string, Def> = {
  'core.ServiceSpec': {
    description: 'ServiceSpec describes the attributes that a user creates on a service.',
    fields: {
      ports: ['[]core.ServicePort', 'The list of ports that are exposed by this service.', 'port'],
      selector: ['map', 'Route service traffic to pods with label keys and values matching this selector.'],
      clusterIP: [
        'string',
        'clusterIP is the IP address of the service and is usually assigned randomly. "None" makes a headless service.',
      ],
      clusterIPs: ['[]string', 'ClusterIPs is a list of IP addresses assigned to this service.'],
      type: [
        'string',
        'type determines how the Service is exposed: ClusterIP (default), ExternalName, NodePort, and LoadBalancer.',
      ],
      externalIPs: [
        '[]string',
        'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
      ],
      sessionAffinity: [
        'string',
        'Supports "ClientIP" and "None". Used to maintain session affinity. Defaults to None.',
      ],
      loadBalancerIP: ['string', 'Deprecated: only applies to Service Type: LoadBalancer.'],
      loadBalancerSourceRanges: [
        '[]string',
        'If specified, traffic through the cloud-provider load-balancer is restricted to these client IPs.',
      ],
      externalName: [
        'string',
        'externalName is the external reference that discovery mechanisms return as an alias (a CNAME record).',
      ],
      externalTrafficPolicy: [
        'string',
        'Cluster or Local: how nodes distribute service traffic received on externally-facing addresses.',
      ],
      healthCheckNodePort: [
        'integer',
        'healthCheckNodePort specifies the healthcheck nodePort for the service.',
      ],
      publishNotReadyAddresses: ['boolean', 'Disregard readiness when publishing endpoints of this service.'],
      sessionAffinityConfig: [
        'object',
        'sessionAffinityConfig contains the configurations of session affinity.',
      ],
      ipFamilies: [
        '[]string',
        'IPFamilies is a list of IP families (e.g. IPv4, IPv6) assigned to this service.',
      ],
      ipFamilyPolicy: [
        'string',
        'IPFamilyPolicy represents the dual-stack-ness requested or required by this Service.',
      ],
      allocateLoadBalancerNodePorts: [
        'boolean',
        'Whether NodePorts are automatically allocated for services with type LoadBalancer.',
      ],
      loadBalancerClass: ['string', 'The class of the load balancer implementation this Service belongs to.'],
      internalTrafficPolicy: [
        'string',
        'Cluster or Local: how nodes distribute service traffic they receive on the ClusterIP.',
      ],
      trafficDistribution: [
        'string',
        'Offers a way to express preferences for how traffic is distributed to Service endpoints.',
      ],
    },
  },
  'core.ServicePort': {
    required: ['port'],
    description: "ServicePort contains information on service's port.",
    fields: {
      name: ['string', 'The name of this port within the service. Must be a DNS_LABEL.'],
      protocol: [
        'string',
        'The IP protocol for this port. Supports "TCP", "UDP", and "SCTP". Default is TCP.',
      ],
      appProtocol: ['string', 'The application protocol for this port.'],
      port: ['integer', 'The port that will be exposed by this service.'],
      targetPort: ['intstr', 'Number or name of the port to access on the pods targeted by the service.'],
      nodePort: [
        'integer',
        'The port on each node on which this service is exposed when type is NodePort or LoadBalancer.',
      ],
    },
  },
  'apps.DeploymentSpec': {
    required: ['selector', 'template'],
    description: 'DeploymentSpec is the specification of the desired behavior of the Deployment.',
    fields: {
      replicas: ['integer', 'Number of desired pods. Defaults to 1.'],
      selector,
      template,
      strategy: [
        'apps.DeploymentStrategy',
        'The deployment strategy to use to replace existing pods with new ones.',
        ';retainKeys',
      ],
      minReadySeconds: minReady,
      revisionHistoryLimit: history,
      paused: ['boolean', 'Indicates that the deployment is paused.'],
      progressDeadlineSeconds: [
        'integer',
        'The maximum time in seconds for a deployment to make progress before it is considered failed. Defaults to 600s.',
      ],
    },
  },
  'apps.DeploymentStrategy': {
    description: 'DeploymentStrategy describes how to replace existing pods with new ones.',
    fields: {
      type: ['string', 'Type of deployment. Can be "Recreate" or "RollingUpdate". Default is RollingUpdate.'],
      rollingUpdate: [
        'object',
        'Rolling update config params (maxSurge, maxUnavailable). Present only if type = RollingUpdate.',
      ],
    },
  },
  'apps.ReplicaSetSpec': {
    required: ['selector'],
    description: 'ReplicaSetSpec is the specification of a ReplicaSet.',
    fields: {
      replicas: ['integer', 'Replicas is the number of desired replicas. Defaults to 1.'],
      minReadySeconds: minReady,
      selector,
      template,
    },
  },
  'apps.StatefulSetSpec': {
    required: ['selector', 'template'],
    description: 'A StatefulSetSpec is the specification of a StatefulSet.',
    fields: {
      replicas: [
        'integer',
        'replicas is the desired number of replicas of the given Template. Defaults to 1.',
      ],
      selector,
      template,
      volumeClaimTemplates: [
        '[]object',
        'volumeClaimTemplates is a list of claims that pods are allowed to reference.',
      ],
      serviceName: ['string', 'serviceName is the name of the service that governs this StatefulSet.'],
      podManagementPolicy: [
        'string',
        'OrderedReady (default) or Parallel: how pods are created during initial scale up and scale down.',
      ],
      updateStrategy: [
        'object',
        'updateStrategy indicates the StatefulSetUpdateStrategy used to update Pods when the template changes.',
      ],
      revisionHistoryLimit: history,
      minReadySeconds: minReady,
      persistentVolumeClaimRetentionPolicy: [
        'object',
        'The lifecycle of persistent volume claims created from volumeClaimTemplates.',
      ],
      ordinals: ['object', 'ordinals controls the numbering of replica indices in a StatefulSet.'],
    },
  },
  'apps.DaemonSetSpec': {
    required: ['selector', 'template'],
    description: 'DaemonSetSpec is the specification of a daemon set.',
    fields: {
      selector,
      template,
      updateStrategy: ['object', 'An update strategy to replace existing DaemonSet pods with new pods.'],
      minReadySeconds: minReady,
      revisionHistoryLimit: history,
    },
  },
  'batch.JobSpec': {
    required: ['template'],
    description: 'JobSpec describes how the job execution will look like.',
    fields: {
      parallelism: [
        'integer',
        'Specifies the maximum desired number of pods the job should run at any given time.',
      ],
      completions: [
        'integer',
        'Specifies the desired number of successfully finished pods the job should be run with.',
      ],
      activeDeadlineSeconds: [
        'integer',
        'Specifies the duration in seconds relative to the startTime that the job may be continuously active.',
      ],
      podFailurePolicy: ['object', 'Specifies the policy of handling failed pods.'],
      successPolicy: [
        'object',
        'successPolicy specifies the policy when the Job can be declared as succeeded.',
      ],
      backoffLimit: [
        'integer',
        'Specifies the number of retries before marking this job failed. Defaults to 6.',
      ],
      backoffLimitPerIndex: [
        'integer',
        'Specifies the limit for the number of retries within an index before marking this index as failed.',
      ],
      maxFailedIndexes: [
        'integer',
        'Specifies the maximal number of failed indexes before marking the Job as failed.',
      ],
      selector: ['meta.LabelSelector', 'A label query over pods that should match the pod count.'],
      manualSelector: ['boolean', 'manualSelector controls generation of pod labels and pod selectors.'],
      template: ['core.PodTemplateSpec', 'Describes the pod that will be created when executing a job.'],
      ttlSecondsAfterFinished: [
        'integer',
        'Limits the lifetime of a Job that has finished execution (Complete or Failed).',
      ],
      completionMode: [
        'string',
        'completionMode specifies how Pod completions are tracked: NonIndexed (default) or Indexed.',
      ],
      suspend: ['boolean', 'suspend specifies whether the Job controller should create Pods or not.'],
      podReplacementPolicy: ['string', 'podReplacementPolicy specifies when to create replacement Pods.'],
      managedBy: ['string', 'ManagedBy field indicates the controller that manages a Job.'],
    },
  },
  'batch.JobTemplateSpec': {
    description: 'JobTemplateSpec describes the data a Job should have when created from a template.',
    fields: {
      metadata: ['meta.ObjectMeta', "Standard object's metadata of the jobs created from this template."],
      spec: ['batch.JobSpec', 'Specification of the desired behavior of the job.'],
    },
  },
  'batch.CronJobSpec': {
    required: ['schedule', 'jobTemplate'],
    description: 'CronJobSpec describes how the job execution will look like and when it will actually run.',
    fields: {
      schedule: ['string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'],
      timeZone: ['string', 'The time zone name for the given schedule.'],
      startingDeadlineSeconds: [
        'integer',
        'Optional deadline in seconds for starting the job if it misses scheduled time for any reason.',
      ],
      concurrencyPolicy: [
        'string',
        'Specifies how to treat concurrent executions of a Job: Allow (default), Forbid, Replace.',
      ],
      suspend: ['boolean', 'This flag tells the controller to suspend subsequent executions.'],
      jobTemplate: [
        'batch.JobTemplateSpec',
        'Specifies the job that will be created when executing a CronJob.',
      ],
      successfulJobsHistoryLimit: [
        'integer',
        'The number of successful finished jobs to retain. Defaults to 3.',
      ],
      failedJobsHistoryLimit: ['integer', 'The number of failed finished jobs to retain. Defaults to 1.'],
    },
  },
};

const workload = (kind: string, description: string, spec: string): Def => ({
  description,
  fields: kindFields({
    spec: [spec, `Specification of the desired behavior of the ${kind}.`],
    status: status(kind),
  }),
});

/** Top-level kinds by definition name (their GVK is added from the served resource type). */
export const KIND_DEFS: Record<string, Def> = {
  'core.Pod': workload(
    'Pod',
    'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
    'core.PodSpec',
  ),
  'core.Service': workload(
    'Service',
    'Service is a named abstraction of software service (for example, mysql) consisting of local port that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
    'core.ServiceSpec',
  ),
  'core.ConfigMap': {
    description: 'ConfigMap holds configuration data for pods to consume.',
    fields: kindFields({
      data: [
        'map',
        'Data contains the configuration data. Each key must consist of alphanumeric characters, "-", "_" or ".".',
      ],
      binaryData: ['map', 'BinaryData contains the binary data (base64 encoded).'],
      immutable: [
        'boolean',
        'Immutable, if set to true, ensures that data stored in the ConfigMap cannot be updated.',
      ],
    }),
  },
  'core.Secret': {
    description:
      'Secret holds secret data of a certain type. The total bytes of the values in the Data field must be less than MaxSecretSize bytes.',
    fields: kindFields({
      data: [
        'map',
        'Data contains the secret data. The serialized form of the secret data is a base64 encoded string.',
      ],
      stringData: [
        'map',
        'stringData allows specifying non-binary secret data in string form. It is merged into data on write.',
      ],
      type: ['string', 'Used to facilitate programmatic handling of secret data.'],
      immutable: [
        'boolean',
        'Immutable, if set to true, ensures that data stored in the Secret cannot be updated.',
      ],
    }),
  },
  'core.Namespace': {
    description: 'Namespace provides a scope for Names. Use of multiple namespaces is optional.',
    fields: kindFields({
      spec: ['object', 'Spec defines the behavior of the Namespace (finalizers).'],
      status: status('Namespace'),
    }),
  },
  'core.ServiceAccount': {
    description:
      'ServiceAccount binds together a name, a principal that can be authenticated and authorized, and a set of secrets.',
    fields: kindFields({
      secrets: [
        '[]object',
        'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
        'name',
      ],
      imagePullSecrets: [
        '[]object',
        'ImagePullSecrets is a list of references to secrets in the same namespace to use for pulling images.',
      ],
      automountServiceAccountToken: [
        'boolean',
        'Whether pods running as this service account should have an API token automatically mounted.',
      ],
    }),
  },
  'apps.Deployment': workload(
    'Deployment',
    'Deployment enables declarative updates for Pods and ReplicaSets.',
    'apps.DeploymentSpec',
  ),
  'apps.ReplicaSet': workload(
    'ReplicaSet',
    'ReplicaSet ensures that a specified number of pod replicas are running at any given time.',
    'apps.ReplicaSetSpec',
  ),
  'apps.StatefulSet': workload(
    'StatefulSet',
    'StatefulSet represents a set of pods with consistent identities (network names and storage).',
    'apps.StatefulSetSpec',
  ),
  'apps.DaemonSet': workload(
    'DaemonSet',
    'DaemonSet represents the configuration of a daemon set.',
    'apps.DaemonSetSpec',
  ),
  'batch.Job': workload('Job', 'Job represents the configuration of a single job.', 'batch.JobSpec'),
  'batch.CronJob': workload(
    'CronJob',
    'CronJob represents the configuration of a single cron job.',
    'batch.CronJobSpec',
  ),
};
