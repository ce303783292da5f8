import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { ConnectionState } from '../../../shared/contract/fleet';
import { Button } from '../../components/Button';
import { useNoticeStore } from '../../stores/notice-store';
import { isReadOnlySource } from '../../stores/source-store';
import { ClusterTable } from './ClusterTable';
import { DetachDialog, type DetachTarget } from './DetachDialog';
import { call, messageOf, useEvent } from '../../lib/call';
import type { ListStore } from './list-store';
import { useGroups } from './use-groups';

/** Filter bar, bulk actions and the table, over one list store. */
export function ClusterList({ store, fixedGroup }: { store: ListStore; fixedGroup?: string }) {
  const query = useStore(store, (s) => s.query);
  const total = useStore(store, (s) => s.total);
  const all = useStore(store, (s) => s.all);
  const error = useStore(store, (s) => s.error);
  const selected = useStore(store, (s) => s.selected);
  const readOnly = isReadOnlySource(query.source);
  const { setQuery, refresh, selectAll, rowAt } = store.getState();
  const { groups } = useGroups();
  const [detaching, setDetaching] = useState<DetachTarget[] | null>(null);
  const [text, setText] = useState(query.text);
  const [label, setLabel] = useState(query.label);
  const notice = useNoticeStore((s) => s.show);

  // Refetch what is on screen when main says something changed (at most a few times a second).
  useEvent('clusters.changed', () => refresh());
  // A selection belongs to one visit of the list: leaving the page drops it.
  useEffect(() => () => store.getState().selectAll(false), [store]);
  useEffect(() => {
    const t = setTimeout(() => {
      if (text !== store.getState().query.text || label !== store.getState().query.label)
        setQuery({ text, label });
    }, 200);
    return () => clearTimeout(t);
  }, [text, label, setQuery, store]);

  const ids = [...selected];
  const targets = (): DetachTarget[] => {
    const byId = new Map<string, DetachTarget>();
    for (let i = 0; i < total; i++) {
      const r = rowAt(i);
      if (r && selected.has(r.id)) byId.set(r.id, { id: r.id, name: r.name, protected: r.protected });
    }
    return ids.map((id) => byId.get(id) ?? { id, name: id, protected: false });
  };
  const act = (what: Promise<unknown>, done: string) =>
    what.then(
      () => notice(done),
      (e: unknown) => notice(messageOf(e)),
    );

  return (
    <div className="fl-list">
      <div className="fl-filters" role="search">
        <input
          type="search"
          placeholder="Filter by name, provider, label…"
          aria-label="Filter clusters"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <input
          placeholder="Label (key or key=value)"
          aria-label="Filter by label"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        {fixedGroup || readOnly ? null : (
          <select
            aria-label="Filter by cluster group"
            value={query.groupId}
            onChange={(e) => setQuery({ groupId: e.target.value })}
          >
            <option value="">All groups</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        )}
        <select
          aria-label="Filter by status"
          value={query.status}
          onChange={(e) => setQuery({ status: e.target.value as ConnectionState | '' })}
        >
          <option value="">Any status</option>
          {ConnectionState.options.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className="fl-count" data-testid="cluster-count">
          {total === all || fixedGroup
            ? `${total} cluster${total === 1 ? '' : 's'}`
            : `${total} of ${all} clusters`}
        </span>
      </div>
      {selected.size > 0 && !readOnly ? (
        <div className="fl-bulk" role="toolbar" aria-label="Selected clusters">
          <span>{selected.size} selected</span>
          <select
            aria-label="Move selected clusters to group"
            value=""
            onChange={(e) => {
              const groupId = e.target.value;
              if (groupId) {
                void act(call('clusters.move', { ids, groupId }), `Moved ${ids.length} cluster(s).`).then(
                  () => selectAll(false),
                );
              }
            }}
          >
            <option value="">Move to group…</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <Button
            onClick={() =>
              void act(call('clusters.reconnect', { ids }), `Reconnecting ${ids.length} cluster(s).`)
            }
          >
            Reconnect
          </Button>
          <Button onClick={() => setDetaching(targets())}>Detach…</Button>
          <Button onClick={() => selectAll(false)}>Clear selection</Button>
        </div>
      ) : null}
      {error ? <p className="form-error">{error}</p> : null}
      <ClusterTable store={store} hideGroup={!!fixedGroup} />
      {detaching ? (
        <DetachDialog
          targets={detaching}
          onClose={() => setDetaching(null)}
          onDone={() => {
            setDetaching(null);
            selectAll(false);
            notice(`Detached ${detaching.length} cluster(s).`);
          }}
        />
      ) : null}
    </div>
  );
}
