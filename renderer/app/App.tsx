import { useEffect } from 'react';
import { Sidebar } from '../components/Sidebar';
import { Notice } from '../components/Notice';
import { StatusBar } from '../components/StatusBar';
import { useOpenKubeconfigEvent } from '../features/clusters/open-kubeconfig';
import { ManifestsImport } from '../features/manifests/ManifestsImport';
import { NotFoundPage } from '../features/not-found/NotFoundPage';
import { SearchButton } from '../features/search/SearchButton';
import { SearchPalette } from '../features/search/SearchPalette';
import { SourceBar } from '../features/sources/SourceBar';
import { applyPendingHeadingFocus } from './focus-heading';
import { findSection } from './sections';
import { pages } from './pages';
import { useDropGuard } from './use-drop-guard';
import { useHashRoute } from './use-hash-route';
import { useSectionShortcuts } from './use-section-shortcuts';
import { useTheme } from './use-theme';

/** The shell: sidebar, the current page, status bar. */
export function App() {
  const route = useHashRoute();
  useTheme();
  useSectionShortcuts();
  useDropGuard();
  useOpenKubeconfigEvent();
  const section = route.kind === 'section' ? route.section : null;

  useEffect(() => {
    const label = section ? findSection(section)?.label : 'Page not found';
    document.title = `${label} · Flotilla`;
    document.getElementById('main')?.scrollTo(0, 0);
    applyPendingHeadingFocus();
  }, [section]);

  const content = (() => {
    if (route.kind === 'not-found') return <NotFoundPage hash={route.hash} />;
    const PageComponent = pages[route.section];
    return <PageComponent path={route.path} />;
  })();

  return (
    <div className="shell">
      <button type="button" className="skip-link" onClick={() => document.getElementById('main')?.focus()}>
        Skip to content
      </button>
      <Sidebar active={section} />
      <SearchButton />
      <main id="main" className="main" tabIndex={-1} data-section={section ?? 'not-found'}>
        <SourceBar />
        {content}
      </main>
      <Notice />
      <SearchPalette />
      <ManifestsImport />
      <StatusBar />
    </div>
  );
}
