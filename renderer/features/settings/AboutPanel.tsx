import { useAppStore } from '../../stores/app-store';

/** Version, shell, data folder and schema version, as main reports them. */
export function AboutPanel() {
  const info = useAppStore((state) => state.info);
  const error = useAppStore((state) => state.error);
  if (!info) return <p className="muted">{error ?? 'Loading…'}</p>;
  const rows: [string, string, string][] = [
    ['Version', info.version, 'version'],
    ['Shell', info.shell === 'web' ? 'Browser mode' : 'Desktop (Electron)', 'shell'],
    ['Data folder', info.dataDir, 'data-dir'],
    ['Database schema', `version ${info.schemaVersion}`, 'schema'],
    ['Platform', info.platform, 'platform'],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value, id]) => (
        <div key={id} className="fact">
          <dt>{label}</dt>
          <dd data-testid={`about-${id}`} className={id === 'data-dir' ? 'mono' : undefined}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
