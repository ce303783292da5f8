/** Validation of incoming objects: the 422 Invalid answers of a real API server. */
import type { KObject, ResourceType } from '../store/api';
import { invalid, type StatusCause } from './errors';
import { labelSelectorFromObject, matchLabels } from '../store/selectors';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const required = (field: string, detail = ''): StatusCause => ({
  reason: 'FieldValueRequired',
  message: `Required value${detail ? ': ' + detail : ''}`,
  field,
});
const invalidValue = (field: string, value: unknown, detail: string): StatusCause => ({
  reason: 'FieldValueInvalid',
  message: `Invalid value: ${JSON.stringify(value)}: ${detail}`,
  field,
});

const LABEL_NAMED = new Set(['v1/namespaces', 'v1/services']);

function validateName(gvr: string, o: KObject, causes: StatusCause[]): void {
  const name = o.metadata.name;
  if (!name) {
    causes.push(required('metadata.name', 'name or generateName is required'));
    return;
  }
  if (LABEL_NAMED.has(gvr)) {
    if (!LABEL.test(name) || name.length > 63)
      causes.push(
        invalidValue(
          'metadata.name',
          name,
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        ),
      );
  } else if (!gvr.startsWith('rbac.') && (!SUBDOMAIN.test(name) || name.length > 253)) {
    causes.push(
      invalidValue(
        'metadata.name',
        name,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    );
  }
}

function validatePodSpec(spec: Obj, path: string, causes: StatusCause[]): void {
  const containers = spec.containers as Obj[] | undefined;
  if (!Array.isArray(containers) || containers.length === 0) {
    causes.push(required(`${path}.containers`));
    return;
  }
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const name = c?.name;
    if (!name) causes.push(required(`${path}.containers[${i}].name`));
    else if (seen.has(String(name)))
      causes.push({
        reason: 'FieldValueDuplicate',
        message: `Duplicate value: "${String(name)}"`,
        field: `${path}.containers[${i}].name`,
      });
    else seen.add(String(name));
    if (!c?.image) causes.push(required(`${path}.containers[${i}].image`));
  });
}

function validateWorkload(spec: Obj, causes: StatusCause[], selectorRequired: boolean): void {
  const tpl = obj(spec.template);
  if (selectorRequired && !spec.selector) causes.push(required('spec.selector'));
  if (spec.selector) {
    const labels = obj(obj(tpl.metadata).labels) as Record<string, string>;
    if (
      !matchLabels(labelSelectorFromObject(spec.selector), labels) ||
      Object.keys(obj(spec.selector)).length === 0
    ) {
      causes.push(
        invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'),
      );
    }
  }
  validatePodSpec(obj(tpl.spec), 'spec.template.spec', causes);
}

function validateCrd(o: KObject, spec: Obj, causes: StatusCause[]): void {
  const names = obj(spec.names);
  if (!spec.group) causes.push(required('spec.group'));
  if (!names.plural) causes.push(required('spec.names.plural'));
  if (!names.kind) causes.push(required('spec.names.kind'));
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster')
    causes.push(
      spec.scope
        ? {
            reason: 'FieldValueNotSupported',
            message: `Unsupported value: ${JSON.stringify(spec.scope)}: supported values: "Cluster", "Namespaced"`,
            field: 'spec.scope',
          }
        : required('spec.scope'),
    );
  const versions = Array.isArray(spec.versions) ? (spec.versions as Obj[]) : [];
  if (versions.length === 0)
    causes.push(required('spec.versions', 'must have exactly one version marked as storage version'));
  else if (versions.filter((v) => v?.storage === true).length !== 1)
    causes.push(
      invalidValue(
        'spec.versions',
        versions.map((v) => v?.name),
        'must have exactly one version marked as storage version',
      ),
    );
  versions.forEach((v, i) => {
    if (!v?.name) causes.push(required(`spec.versions[${i}].name`));
  });
  if (spec.group && names.plural && o.metadata.name !== `${String(names.plural)}.${String(spec.group)}`)
    causes.push(invalidValue('metadata.name', o.metadata.name, 'must be spec.names.plural+"."+spec.group'));
}

/** Throws a 422 ApiError when `o` is not a valid object of `type`. */
export function validateObject(type: ResourceType, gvr: string, o: KObject): void {
  const causes: StatusCause[] = [];
  validateName(gvr, o, causes);
  const spec = obj(o.spec);
  switch (gvr) {
    case 'v1/pods':
      validatePodSpec(spec, 'spec', causes);
      break;
    case 'apps/v1/deployments':
    case 'apps/v1/replicasets':
    case 'apps/v1/statefulsets':
    case 'apps/v1/daemonsets':
      validateWorkload(spec, causes, true);
      break;
    case 'batch/v1/jobs':
      validatePodSpec(obj(obj(spec.template).spec), 'spec.template.spec', causes);
      break;
    case 'batch/v1/cronjobs':
      if (!spec.schedule) causes.push(required('spec.schedule'));
      validatePodSpec(
        obj(obj(obj(obj(spec.jobTemplate).spec).template).spec),
        'spec.jobTemplate.spec.template.spec',
        causes,
      );
      break;
    case 'v1/services': {
      const headless = spec.clusterIP === 'None';
      if (spec.type !== 'ExternalName' && !headless && !(Array.isArray(spec.ports) && spec.ports.length > 0))
        causes.push(required('spec.ports'));
      ((spec.ports as Obj[] | undefined) ?? []).forEach((p, i) => {
        const port = Number(p?.port);
        if (!Number.isInteger(port) || port < 1 || port > 65535)
          causes.push(
            invalidValue(`spec.ports[${i}].port`, p?.port, 'must be between 1 and 65535, inclusive'),
          );
      });
      break;
    }
    case 'v1/configmaps':
    case 'v1/secrets':
      for (const field of ['data', 'binaryData', 'stringData']) {
        for (const key of Object.keys(obj(o[field]))) {
          if (!/^[-._a-zA-Z0-9]+$/.test(key))
            causes.push(
              invalidValue(
                `${field}[${key}]`,
                key,
                "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
              ),
            );
        }
      }
      break;
    case 'apiextensions.k8s.io/v1/customresourcedefinitions':
      validateCrd(o, spec, causes);
      break;
    case 'rbac.authorization.k8s.io/v1/rolebindings':
    case 'rbac.authorization.k8s.io/v1/clusterrolebindings':
      if (!o.roleRef) causes.push(required('roleRef'));
      break;
  }
  if (causes.length > 0) throw invalid(type.kind, type.group, o.metadata.name ?? '', causes);
}
