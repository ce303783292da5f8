/** The navigation of the reference deck, in its order. The index gives the Alt+digit shortcut. */
export const sections = [
  { id: 'cluster-groups', label: 'Cluster groups', icon: 'groups' },
  { id: 'clusters', label: 'Clusters', icon: 'clusters' },
  { id: 'workspaces', label: 'Workspaces', icon: 'workspaces' },
  { id: 'namespaces', label: 'Namespaces', icon: 'namespaces' },
  { id: 'workloads', label: 'Workloads', icon: 'workloads' },
  { id: 'policies', label: 'Policies', icon: 'policies' },
  { id: 'inspections', label: 'Inspections', icon: 'inspections' },
  { id: 'mesh', label: 'Mesh', icon: 'mesh' },
  { id: 'cost', label: 'Cost', icon: 'cost' },
  { id: 'settings', label: 'Settings', icon: 'settings' },
] as const;

export type Section = (typeof sections)[number];
export type SectionId = Section['id'];
export type IconName = Section['icon'];

export const defaultSection: SectionId = 'clusters';

export function findSection(id: string): Section | undefined {
  return sections.find((section) => section.id === id);
}

/** The digit shown for a section's shortcut: 1…9, then 0 for the tenth. */
export function shortcutDigit(index: number): string | null {
  if (index < 0 || index > 9) return null;
  return String((index + 1) % 10);
}
