import { useCallback, useEffect, useState } from 'react';
import type { ApplyResult, LiveObjectRef, OpenedObject } from '../../../shared/contract/apply';
import { call, type CallError } from '../../lib/call';
import { asCallError } from './yaml-api';
import { toYaml, yamlProblems } from './yaml-text';

/**
 * The editor's states: load the live object, edit, review the diff, apply (server-side dry run,
 * then the apply itself), and the outcome of each step. A conflict keeps the edits so the user can
 * reload (start again from the live object) or force.
 */

export type Step =
  | { kind: 'dry-run-ok'; result: ApplyResult; force: boolean }
  | { kind: 'applied'; result: ApplyResult; force: boolean }
  | { kind: 'failed'; stage: 'dry run' | 'apply' | 'load' | 'delete'; error: CallError };

export function useApplyFlow(ref: LiveObjectRef) {
  const key = JSON.stringify(ref);
  const [opened, setOpened] = useState<OpenedObject | null>(null);
  const [baseline, setBaseline] = useState('');
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'edit' | 'review'>('edit');
  const [steps, setSteps] = useState<Step[]>([]);
  const [busy, setBusy] = useState(true);

  const load = useCallback(
    async (keepSteps: boolean) => {
      setBusy(true);
      try {
        const o = await call('apply.open', JSON.parse(key) as LiveObjectRef);
        const yaml = toYaml(o.object);
        setOpened(o);
        setBaseline(yaml);
        setText(yaml);
        setMode('edit');
        if (!keepSteps) setSteps([]);
      } catch (e) {
        setSteps([{ kind: 'failed', stage: 'load', error: asCallError(e) }]);
      } finally {
        setBusy(false);
      }
    },
    [key],
  );

  useEffect(() => {
    // Read the object after mount (and again when the reference changes).
    void Promise.resolve().then(() => load(false));
  }, [load]);

  const apply = useCallback(
    async (force: boolean) => {
      const input = { ref: JSON.parse(key) as LiveObjectRef, yaml: text, base: baseline, force };
      setBusy(true);
      const done: Step[] = [];
      try {
        const dry = await call('apply.dryRun', input);
        done.push({ kind: 'dry-run-ok', result: dry, force });
        setSteps([...done]);
      } catch (e) {
        setSteps([{ kind: 'failed', stage: 'dry run', error: asCallError(e) }]);
        setBusy(false);
        return;
      }
      try {
        const applied = await call('apply.apply', input);
        done.push({ kind: 'applied', result: applied, force });
        setSteps([...done]);
        setBusy(false);
        await load(true);
      } catch (e) {
        setSteps([...done, { kind: 'failed', stage: 'apply', error: asCallError(e) }]);
        setBusy(false);
      }
    },
    [key, text, baseline, load],
  );

  const problems = yamlProblems(text);
  return {
    opened,
    baseline,
    text,
    setText,
    mode,
    setMode,
    steps,
    setSteps,
    busy,
    changed: text !== baseline,
    problems,
    reload: () => load(false),
    apply,
  };
}
