import { create } from 'zustand';
import type { Inspection, Verification } from '../../../shared/contract/fleet';
import type { Draft } from './drafts';
import { call, messageOf } from '../../lib/call';
import { parseLabels } from './labels';

export { draftProblem, type Draft } from './drafts';

export interface AttachState {
  inspection: Inspection | null;
  /** "3 dropped files", "pasted text", "~/.kube/config". */
  origin: string;
  drafts: Record<string, Draft>;
  verifications: Record<string, Verification | 'pending'>;
  results: Array<{ context: string; ok: boolean; name: string; message?: string }>;
  busy: boolean;
  error: string | null;
  inspect(
    origin: string,
    input: { texts?: Array<{ label: string; text: string }>; paths?: string[] },
  ): Promise<void>;
  loadSystem(): Promise<void>;
  edit(key: string, patch: Partial<Draft>): void;
  approve(key: string): Promise<void>;
  verify(key: string): Promise<void>;
  attach(): Promise<number>;
  reset(): void;
}

function draftsFor(inspection: Inspection): Record<string, Draft> {
  const drafts: Record<string, Draft> = {};
  const used = new Set<string>();
  for (const c of inspection.contexts) {
    let name = c.suggestedName;
    for (let i = 2; used.has(name); i++) name = `${c.suggestedName}-${i}`;
    used.add(name);
    drafts[c.key] = {
      selected: c.ok && !c.attachedAs && (!c.credentialCommand || c.credentialCommand.approved),
      name,
      description: '',
      labelsText: '',
      groupId: 'default',
    };
  }
  return drafts;
}

export const SYSTEM_ORIGIN = 'kubeconfig files on this machine';

/** Only the latest read (drop, pick, paste or this machine) may fill the view. */
let latest = 0;

export const useAttachStore = create<AttachState>((set, get) => ({
  inspection: null,
  origin: '',
  drafts: {},
  verifications: {},
  results: [],
  busy: false,
  error: null,
  async inspect(origin, input) {
    const mine = ++latest;
    set({ busy: true, error: null, results: [], verifications: {}, origin });
    try {
      const inspection = await call('kubeconfig.inspect', input);
      if (mine === latest) set({ inspection, drafts: draftsFor(inspection), busy: false });
    } catch (e) {
      if (mine === latest) set({ busy: false, error: messageOf(e), inspection: null });
    }
  },
  async loadSystem() {
    const mine = ++latest;
    set({ busy: true, error: null, results: [], verifications: {}, origin: SYSTEM_ORIGIN });
    try {
      const inspection = await call('kubeconfig.sources', {});
      if (mine === latest) set({ inspection, drafts: draftsFor(inspection), busy: false });
    } catch (e) {
      if (mine === latest) set({ busy: false, error: messageOf(e) });
    }
  },
  edit(key, patch) {
    const d = get().drafts[key];
    if (d) set({ drafts: { ...get().drafts, [key]: { ...d, ...patch } } });
  },
  async approve(key) {
    const inspection = get().inspection;
    if (!inspection) return;
    try {
      const approved = await call('execApprovals.approve', { importId: inspection.importId, context: key });
      set({
        inspection: {
          ...inspection,
          contexts: inspection.contexts.map((c) =>
            c.key === key ? { ...c, credentialCommand: approved } : c,
          ),
        },
      });
      get().edit(key, { selected: true });
    } catch (e) {
      set({ error: messageOf(e) });
    }
  },
  async verify(key) {
    const inspection = get().inspection;
    if (!inspection) return;
    set({ verifications: { ...get().verifications, [key]: 'pending' } });
    try {
      const v = await call('clusters.verify', { importId: inspection.importId, context: key });
      set({ verifications: { ...get().verifications, [key]: v } });
    } catch (e) {
      set({ error: messageOf(e), verifications: { ...get().verifications, [key]: undefined as never } });
    }
  },
  async attach() {
    const { inspection, drafts } = get();
    if (!inspection) return 0;
    const items = Object.entries(drafts)
      .filter(([, d]) => d.selected)
      .map(([context, d]) => {
        const labels = parseLabels(d.labelsText);
        return {
          context,
          name: d.name,
          description: d.description,
          labels: 'labels' in labels ? labels.labels : {},
          groupId: d.groupId,
        };
      });
    if (items.length === 0) return 0;
    set({ busy: true, error: null });
    try {
      const { results } = await call('clusters.attach', { importId: inspection.importId, items });
      const attached = new Set(results.filter((r) => r.ok).map((r) => r.context));
      const drafts2 = { ...get().drafts };
      for (const key of attached) drafts2[key] = { ...drafts2[key]!, selected: false };
      set({ results, busy: false, drafts: drafts2 });
      return attached.size;
    } catch (e) {
      set({ busy: false, error: messageOf(e) });
      return 0;
    }
  },
  reset() {
    set({ inspection: null, drafts: {}, verifications: {}, results: [], error: null, origin: '' });
  },
}));

/** Reads kubeconfig files by path: the desktop menu's choice, or dropped and chosen files in Electron. */
export function inspectPaths(paths: string[]): Promise<void> {
  const origin = paths.length === 1 ? paths[0]!.split(/[\\/]/).pop()! : `${paths.length} files`;
  return useAttachStore.getState().inspect(origin, { paths });
}

/** Reads dropped or chosen files: paths in Electron (relative certificate paths keep working), text in a browser. */
export async function inspectFiles(files: File[]): Promise<void> {
  const preload = (window as { flotilla?: { pathForFile?: (f: File) => string } }).flotilla;
  const paths = preload?.pathForFile ? files.map((f) => preload.pathForFile!(f)) : [];
  if (paths.length > 0 && paths.every((p) => p)) return inspectPaths(paths);
  const origin = files.length === 1 ? files[0]!.name : `${files.length} files`;
  useAttachStore.setState({ busy: true, error: null });
  const texts = await Promise.all(files.map(async (f) => ({ label: f.name, text: await f.text() })));
  return useAttachStore.getState().inspect(origin, { texts });
}
