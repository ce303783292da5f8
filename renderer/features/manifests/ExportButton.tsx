import { useState } from 'react';
import { Button } from '../../components/Button';
import { ExportDialog, type ExportTargets } from './ExportDialog';

/** "Export…" for a page's objects (namespaces, a workspace, a whole source): opens the export dialog. */
export function ExportButton({
  targets,
  title,
  fileName,
  disabledReason,
  label = 'Export…',
}: {
  targets: ExportTargets;
  title: string;
  fileName: string;
  disabledReason?: string;
  label?: string;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} disabledReason={disabledReason}>
        {label}
      </Button>
      {open ? (
        <ExportDialog title={title} fileName={fileName} targets={targets} onClose={() => setOpen(false)} />
      ) : null}
    </>
  );
}
