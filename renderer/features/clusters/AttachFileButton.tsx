import { useRef } from 'react';
import { Button } from '../../components/Button';
import { attachFromFiles } from './open-kubeconfig';

/**
 * "Attach from kubeconfig file…": chooses kubeconfig files (any name, several at once) and opens
 * the attach view with their contexts, as a drop does. Browser mode has no File menu; this is its way.
 */
export function AttachFileButton({ variant = 'secondary' }: { variant?: 'primary' | 'secondary' }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant={variant} onClick={() => input.current?.click()}>
        Attach from kubeconfig file…
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Kubeconfig files to attach"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) attachFromFiles(files);
        }}
      />
    </>
  );
}
