export * from './model';
export * from './errors';
export { parseKubeconfig, type ParseOptions } from './parse';
export { mergeKubeconfigs } from './merge';
export {
  kubeconfigPaths,
  loadKubeconfigFile,
  loadKubeconfigSet,
  loadKubeconfigSources,
  describeFsError,
  type KubeconfigSource,
  type LoadedSet,
  type DiscoverOptions,
} from './discover';
export {
  resolveContext,
  resolveContexts,
  nodeFileAccess,
  type FileAccess,
  type ResolvedContext,
  type Material,
} from './validate';
export { classifyAuth, type AuthKind, type AuthSummary } from './auth';
export {
  describeExecCommand,
  describeAuthProvider,
  credentialCommandOf,
  pluginApproval,
  shellQuote,
  type CredentialCommand,
  type PluginApproval,
} from './exec-command';
export {
  buildKubeConfig,
  toConnectionSpec,
  specCommand,
  type ConnectionSpec,
  type BuildOptions,
} from './client';
export { toPublicView, contextId, type PublicContextView } from './public-view';
export { watchKubeconfigFiles, type KubeconfigWatcher, type WatchOptions } from './watch';
export { suggestClusterName, CLUSTER_NAME_RULE, CLUSTER_NAME_MAX } from './suggest-name';
