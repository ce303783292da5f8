/** Pure: the folder layout's files ("<namespace>/<NN>-<kind>-<name>.yaml") as one download per namespace. */
export function groupByNamespace(
  files: ReadonlyArray<{ path: string; text: string; objects: number }>,
): Array<{ name: string; text: string; objects: number }> {
  const groups = new Map<string, { texts: string[]; objects: number }>();
  for (const f of files) {
    const parts = f.path.split('/');
    // "<cluster>/<namespace>/file" when several clusters were exported, else "<namespace>/file"
    const key = parts.slice(0, -1).join('-') || 'export';
    const g = groups.get(key) ?? { texts: [], objects: 0 };
    g.texts.push(f.text);
    g.objects += f.objects;
    groups.set(key, g);
  }
  return [...groups].map(([key, g]) => ({
    name: `${key}.yaml`,
    text: g.texts.join('---\n'),
    objects: g.objects,
  }));
}
