import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { Page } from '../../components/Page';
import { useNoticeStore } from '../../stores/notice-store';
import { isReadOnlySource, useSource } from '../../stores/source-store';
import { DiffPage } from '../diff/DiffPage';
import { CaptureButton } from '../sources/CaptureDialog';
import { OpenSampleButton, OpenSnapshotButton } from '../sources/OpenSnapshotButton';
import { AttachFileButton } from './AttachFileButton';
import { AttachPage } from './AttachPage';
import { ClusterList } from './ClusterList';
import { call, messageOf, useEvent } from '../../lib/call';
import { createListStore } from './list-store';
import { OverviewPage } from './OverviewPage';
import { ClusterNodesPage } from '../nodes/ClusterNodesPage';
import { HeatmapPage } from '../nodes/HeatmapPage';
import { NodeDetailPage } from '../nodes/NodeDetailPage';
import { useKubeconfigDrop } from './use-kubeconfig-drop';
import './clusters.css';

const listStore = createListStore();

function DemoButton({ primary }: { primary?: boolean }) {
  const [busy, setBusy] = useState(false);
  const notice = useNoticeStore((s) => s.show);
  const start = () => {
    setBusy(true);
    call('demo.start', {}).then(
      (r) => {
        setBusy(false);
        notice(`Demo fleet started: ${r.attached.length} cluster(s) attached.`);
      },
      (e: unknown) => {
        setBusy(false);
        notice(messageOf(e));
      },
    );
  };
  return (
    <Button
      variant={primary ? 'primary' : 'secondary'}
      onClick={start}
      disabledReason={busy ? 'Starting the simulated clusters…' : undefined}
    >
      Start demo fleet
    </Button>
  );
}

function ClusterListPage() {
  const all = useStore(listStore, (s) => s.all);
  const loaded = useStore(listStore, (s) => s.loaded);
  const source = useSource();
  const readOnly = isReadOnlySource(source);
  const dragging = useKubeconfigDrop();
  useEffect(() => {
    if (listStore.getState().query.source !== source) listStore.getState().setQuery({ source });
    else listStore.getState().refresh();
  }, [source]);
  useEvent('clusters.changed', () => listStore.getState().refresh());
  const empty = loaded && all === 0;
  return (
    <Page
      title="Clusters"
      description={
        readOnly
          ? 'The clusters of this snapshot, as they were when it was taken. Nothing here can be changed.'
          : 'Every cluster in your fleet. Drop kubeconfig files anywhere on the window to attach more, or a .flotilla snapshot to open it.'
      }
      actions={
        readOnly ? (
          <Button href="#/clusters/heatmap">Node heatmap</Button>
        ) : (
          <>
            <DemoButton />
            <Button href="#/clusters/heatmap">Node heatmap</Button>
            <OpenSnapshotButton />
            {empty ? null : <CaptureButton scope={{ kind: 'fleet' }} />}
            <Button variant="primary" href="#/clusters/attach">
              Attach cluster
            </Button>
          </>
        )
      }
    >
      {dragging ? (
        <div className="fl-drop-hint">
          Drop kubeconfig files to attach their clusters, or a .flotilla snapshot
        </div>
      ) : null}
      {empty ? (
        <EmptyState
          icon="clusters"
          title="No clusters attached yet"
          actions={
            <>
              <AttachFileButton variant="primary" />
              <DemoButton />
              <OpenSampleButton />
            </>
          }
        >
          <p>
            Attach clusters from a kubeconfig (drop a file here, choose one, paste, or use ~/.kube/config),
            start the demo fleet, or look around a snapshot of it offline.
          </p>
          <ul className="empty-steps">
            <li>
              <Icon name="upload" />
              <span>
                <strong>Kubeconfig</strong> — choose the contexts to attach and give each cluster a name,
                labels and a cluster group. Credentials stay on this machine, encrypted.
              </span>
            </li>
            <li>
              <Icon name="terminal" />
              <span>
                <strong>Demo fleet</strong> — simulated clusters running sample applications, started on this
                machine.
              </span>
            </li>
            <li>
              <Icon name="clusters" />
              <span>
                <strong>Sample snapshot</strong> — the demo fleet as captured into a file: every view works on
                it, read-only, with nothing to start or attach. Drop a <code>.flotilla</code> file to open
                your own.
              </span>
            </li>
          </ul>
        </EmptyState>
      ) : (
        <ClusterList store={listStore} />
      )}
    </Page>
  );
}

function AttachRoute() {
  useKubeconfigDrop();
  return <AttachPage />;
}

/**
 * The Clusters section: `#/clusters` (list), `#/clusters/attach`, `#/clusters/heatmap[/group|cluster/<id>]`,
 * `#/clusters/diff` (compare two sources), `#/clusters/<id>` (overview), `#/clusters/<id>/nodes`, `#/clusters/<id>/nodes/<name>`.
 */
export function ClustersPage({ path = [] }: { path?: string[] }) {
  const [first, tab, item] = path;
  if (first === 'attach') return <AttachRoute />;
  if (first === 'diff') return <DiffPage />;
  if (first === 'heatmap') return <HeatmapPage path={path.slice(1)} />;
  if (first && tab === 'nodes' && item)
    return <NodeDetailPage key={`${first}/${item}`} id={first} name={item} />;
  if (first && tab === 'nodes') return <ClusterNodesPage key={first} id={first} />;
  if (first) return <OverviewPage key={first} id={first} />;
  return <ClusterListPage />;
}
