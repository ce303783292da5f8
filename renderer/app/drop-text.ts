/** What the shell says about files dropped where no feature takes them. */
export function unhandledDropText(fileNames: string[]): string {
  const reason =
    'importing kubeconfigs, snapshots and manifests by drag and drop is not available in this version of Flotilla yet.';
  if (fileNames.length > 1) return `${fileNames.length} files were not opened: ${reason}`;
  const what = fileNames.length === 1 ? `"${fileNames[0]}"` : 'The dropped item';
  return `${what} was not opened: ${reason}`;
}
