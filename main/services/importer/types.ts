import type { KubeObject, StoredObject } from '../../../shared/objects/types';

/** Why a file or document did not become an object. */
export type ImportIssueCode =
  | 'parse-error'
  | 'not-kubernetes'
  | 'missing-name'
  | 'alias-bomb'
  | 'too-deep'
  | 'too-large'
  | 'binary'
  | 'symlink-loop'
  | 'unreadable'
  | 'duplicate'
  | 'too-many-objects';

export interface ImportIssue {
  code: ImportIssueCode;
  /** 'error' = the document or file was not imported; 'warning' = imported or harmlessly skipped. */
  level: 'error' | 'warning';
  file: string;
  /** 1-based, when the parser knows it. */
  line?: number;
  column?: number;
  /** 0-based document index within a multi-document file. */
  document?: number;
  message: string;
}

/** One Kubernetes object found in a file, with where it came from. */
export interface ParsedObject {
  object: KubeObject;
  file: string;
  document: number;
  /** Index within a List document, when it came from one. */
  item?: number;
  line: number;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface ParseLimits {
  /** Bytes per file. */
  maxFileBytes: number;
  /** Alias expansions per document (yaml's maxAliasCount). */
  maxAliasCount: number;
  /** Nesting depth of any object. */
  maxDepth: number;
  /** Documents (and List items) per file. */
  maxObjectsPerFile: number;
}

export const defaultLimits: ParseLimits = {
  maxFileBytes: 32 * 1024 * 1024,
  maxAliasCount: 100,
  maxDepth: 200,
  maxObjectsPerFile: 200_000,
};

export interface Inventory {
  total: number;
  byKind: Record<string, number>;
  byNamespace: Record<string, number>;
  /** `${kind}\t${namespace}` → count. */
  byKindAndNamespace: Record<string, number>;
}

export interface ImportResult {
  sourceId: string;
  cluster: string;
  objects: StoredObject[];
  /** Files that produced at least one object. */
  filesLoaded: string[];
  skipped: SkippedFile[];
  issues: ImportIssue[];
  inventory: Inventory;
}
