import { useState } from 'react';
import { Button } from '../../components/Button';
import { call, messageOf } from '../../lib/call';

const TYPES = { json: 'application/json', csv: 'text/csv', html: 'text/html' } as const;

/** Downloads a run as JSON, CSV or a self-contained HTML report (a browser download in both shells). */
export function ExportButtons({ runId }: { runId: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const download = (format: keyof typeof TYPES) => {
    setBusy(format);
    setError(null);
    call('inspections.export', { runId, format })
      .then((r) => {
        if (r.text === undefined) throw new Error(`The ${format.toUpperCase()} export came back empty.`);
        const url = URL.createObjectURL(new Blob([r.text], { type: `${TYPES[format]};charset=utf-8` }));
        const a = document.createElement('a');
        a.href = url;
        a.download = r.fileName;
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      })
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(null));
  };
  const reason = busy ? `Exporting ${busy.toUpperCase()}…` : undefined;
  return (
    <span className="in-export" role="group" aria-label="Export">
      <Button onClick={() => download('json')} disabledReason={reason}>
        Export JSON
      </Button>
      <Button onClick={() => download('csv')} disabledReason={reason}>
        Export CSV
      </Button>
      <Button onClick={() => download('html')} disabledReason={reason}>
        HTML report
      </Button>
      {error ? <span className="form-error">{error}</span> : null}
    </span>
  );
}
