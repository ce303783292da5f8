/** Every built-in check, by set. */
import { polarisContainerChecks } from './checks/polaris-containers';
import { polarisControllerChecks } from './checks/polaris-controllers';
import { polarisPodChecks } from './checks/polaris-pods';
import { polarisRbacChecks } from './checks/polaris-rbac';
import { healthChecks } from './checks/health';
import { pssBaselineChecks, pssRestrictedChecks } from './checks/pss';
import type { Check } from './types';

export const polarisChecks: Check[] = [
  ...polarisContainerChecks,
  ...polarisPodChecks,
  ...polarisControllerChecks,
  ...polarisRbacChecks,
];

export const pssChecks: Check[] = [...pssBaselineChecks, ...pssRestrictedChecks];

export const builtInChecks: Check[] = [...polarisChecks, ...pssChecks, ...healthChecks];

export { healthChecks };

export function checkById(id: string): Check | undefined {
  return builtInChecks.find((c) => c.id === id);
}
