import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { needsData } from '../unavailable';
import { hrefFor } from '../../app/router';
import { Page } from '../../components/Page';
import { CompareView } from './CompareView';
import { ConformanceView } from './ConformanceView';
import { HistoryView } from './HistoryView';
import { inspectionsHref, parseInspectionsPath, tabOf } from './route';
import { RunPanel } from './RunPanel';
import { RunResult } from './RunResult';
import { RunsTable } from './RunsTable';
import { SchedulesView } from './SchedulesView';
import { SettingsView } from './SettingsView';
import { useRunEvents } from './use-run-events';
import { useScopeLists } from './use-scope-names';
import './inspections.css';

const TABS = [
  { id: 'runs', label: 'Runs', href: inspectionsHref.runs() },
  { id: 'history', label: 'History', href: inspectionsHref.history() },
  { id: 'schedules', label: 'Schedules', href: inspectionsHref.schedules() },
  { id: 'settings', label: 'Check settings', href: inspectionsHref.settings() },
  { id: 'conformance', label: 'Conformance', href: inspectionsHref.conformance() },
] as const;

/**
 * The reference deck's Inspections: run best-practice, Pod Security and cluster-health checks
 * (lite) or Sonobuoy (conformance) over a scope; results kept over time, compared and scheduled.
 */
export function InspectionsPage({ path }: { path: string[] }) {
  useRunEvents();
  const lists = useScopeLists();
  const route = parseInspectionsPath(path);
  const tab = tabOf(route);
  return (
    <Page
      title="Inspections"
      description="Best-practice, Pod Security and cluster-health checks, with results kept over time."
    >
      <nav className="in-tabs in-section-tabs" aria-label="Inspections">
        {TABS.map((t) => (
          <a
            key={t.id}
            href={t.href}
            className={`in-tab${t.id === tab ? ' in-tab-on' : ''}`}
            aria-current={t.id === tab ? 'page' : undefined}
          >
            {t.label}
          </a>
        ))}
      </nav>
      {route.view === 'runs' ? (
        lists.loaded && lists.clusters.length === 0 && !lists.sources.some((s) => s.id !== 'live') ? (
          <>
            <NothingToInspect />
            <RunsTable withConformance quietWhenEmpty />
          </>
        ) : (
          <>
            <RunPanel lists={lists} />
            <h2 className="in-h2">Runs</h2>
            <RunsTable withConformance />
          </>
        )
      ) : route.view === 'run' ? (
        <RunResult key={route.id} id={route.id} search={route.search} />
      ) : route.view === 'history' ? (
        <HistoryView scope={route.scope} names={lists.names} />
      ) : route.view === 'compare' ? (
        <CompareView a={route.a} b={route.b} clusterName={lists.names.cluster} />
      ) : route.view === 'schedules' ? (
        <SchedulesView lists={lists} />
      ) : route.view === 'settings' ? (
        <SettingsView key={route.scope} scope={route.scope} lists={lists} />
      ) : route.view === 'conformance' ? (
        <ConformanceView id={route.id} />
      ) : (
        <EmptyState
          icon="inspections"
          title="Nothing here"
          actions={<Button href={inspectionsHref.runs()}>Inspections</Button>}
        >
          <p>{route.reason}.</p>
        </EmptyState>
      )}
    </Page>
  );
}

/** No cluster attached and no snapshot or import open: what inspections are, and where to start. */
function NothingToInspect() {
  return (
    <EmptyState
      icon="inspections"
      title="No inspections yet"
      actions={
        <>
          <Button variant="primary" disabledReason={needsData}>
            Run inspection
          </Button>
          <Button href={hrefFor('clusters')}>Go to Clusters</Button>
        </>
      }
    >
      <p>
        Run your first inspection to make sure your clusters follow best practices. Inspections check live
        clusters, snapshots and folders of manifests, and keep every result so you can see what changed.
      </p>
      <p>{needsData}</p>
      <p>
        Sonobuoy results can be imported without a cluster: see{' '}
        <a href={inspectionsHref.conformance()}>Conformance</a>.
      </p>
    </EmptyState>
  );
}
