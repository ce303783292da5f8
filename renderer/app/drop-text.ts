/** What the shell says about files dropped where no feature takes them. */
export function unhandledDropText(fileNames: string[]): string {
  const reason =
    'Flotilla takes .flotilla snapshots and YAML or JSON manifests (files or folders) anywhere, and kubeconfigs on the Clusters and Cluster groups pages.';
  if (fileNames.length > 1) return `${fileNames.length} files were not opened: ${reason}`;
  const what = fileNames.length === 1 ? `"${fileNames[0]}"` : 'The dropped item';
  return `${what} was not opened: ${reason}`;
}
