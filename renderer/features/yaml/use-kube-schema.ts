import { useEffect, useState } from 'react';
import type { KindSchema } from '../../../shared/contract/apply';
import { call, messageOf } from '../../lib/call';
import { kindOfText, type TextKind } from './yaml-text';

/**
 * The JSON Schema for the object being edited, chosen by its own apiVersion and kind (so editing
 * them switches the schema): the cluster's OpenAPI when `cluster` (a live cluster id) is given and
 * answers, the bundled schema otherwise. Asked once per cluster and kind, then remembered.
 */

export interface KubeSchemaState {
  kind?: TextKind;
  schema?: KindSchema;
  error?: string;
}

const cache = new Map<string, Promise<KindSchema>>();

function fetchSchema(cluster: string | undefined, kind: TextKind): Promise<KindSchema> {
  const key = JSON.stringify([cluster ?? '', kind.group, kind.version, kind.kind]);
  let hit = cache.get(key);
  if (!hit) {
    hit = call('apply.schema', { ...kind, cluster });
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}

export function useKubeSchema(text: string, cluster: string | undefined): KubeSchemaState {
  const kind = kindOfText(text);
  const key = kind ? `${kind.group}/${kind.version}/${kind.kind}` : '';
  const [state, setState] = useState<KubeSchemaState & { key: string }>({ key: '' });

  useEffect(() => {
    if (!kind) return;
    let live = true;
    // A moment's pause, so typing a kind letter by letter does not ask for each prefix.
    const timer = setTimeout(() => {
      fetchSchema(cluster, kind).then(
        (schema) => live && setState({ key, kind, schema }),
        (e: unknown) => live && setState({ key, kind, error: messageOf(e) }),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `kind` is rebuilt on every render; `key` names it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, cluster]);

  return kind && state.key === key ? state : { kind };
}
