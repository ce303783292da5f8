/** `message` with the cluster's name in front, unless it starts with it already (main's deadlines name it). */
export const onCluster = (cluster: string, message: string): string =>
  message.startsWith(`${cluster} `) || message.startsWith(`${cluster}:`) ? message : `${cluster}: ${message}`;
