import { bridgeItem, healthItem, sourceItem, type StatusItem } from '../app/status-text';
import { useAppStore } from '../stores/app-store';
import { useConnectionStore } from '../stores/connection-store';
import { sourceKind, useSource } from '../stores/source-store';

function Item({ item, stale = false }: { item: StatusItem; stale?: boolean }) {
  return (
    <span
      className={stale ? 'status-item stale' : 'status-item'}
      data-testid={`status-${item.id}`}
      data-tone={item.tone}
      title={stale ? `${item.title} (last known: Flotilla is not connected)` : item.title}
    >
      <span className="status-dot" aria-hidden="true" />
      {item.text}
    </span>
  );
}

/** Data source, cluster health and the link to main, always visible at the bottom. */
export function StatusBar() {
  const status = useAppStore((state) => state.status);
  const info = useAppStore((state) => state.info);
  const bridge = useConnectionStore((state) => state.bridge);
  const everConnected = useConnectionStore((state) => state.everConnected);
  const shown = sourceKind(useSource());
  const health = healthItem(status);
  const stale = bridge !== 'connected' && status !== null;
  return (
    <footer className="status-bar" role="status" aria-label="Status">
      <Item item={sourceItem(status, shown)} stale={stale} />
      {health ? <Item item={health} stale={stale} /> : null}
      <span className="status-spacer" />
      <Item item={bridgeItem(bridge, everConnected)} />
      {info ? (
        <span className="status-item status-version">
          Flotilla {info.version} · {info.shell === 'web' ? 'browser' : 'desktop'}
        </span>
      ) : null}
    </footer>
  );
}
