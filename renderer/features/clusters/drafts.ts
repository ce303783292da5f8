import { NAME_RULE } from '../../../shared/contract/fleet';
import { parseLabels } from './labels';

/** How one kubeconfig context will be attached, as the user edits it. */
export interface Draft {
  selected: boolean;
  name: string;
  description: string;
  labelsText: string;
  groupId: string;
}

/** What is wrong with a draft before it is sent (main checks again). */
export function draftProblem(d: Draft, taken: Set<string>): string | null {
  if (!NAME_RULE.test(d.name) || d.name.length > 63) {
    return 'Name: lowercase letters, digits and hyphens, starting and ending with a letter or digit.';
  }
  if (taken.has(d.name)) return `Name "${d.name}" is used twice.`;
  const labels = parseLabels(d.labelsText);
  if ('error' in labels) return `Labels: ${labels.error}`;
  return null;
}
