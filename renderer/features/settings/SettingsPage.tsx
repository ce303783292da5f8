import { Page } from '../../components/Page';
import { AboutPanel } from './AboutPanel';
import { ShortcutsPanel } from './ShortcutsPanel';
import { ThemeSetting } from './ThemeSetting';

export function SettingsPage() {
  return (
    <Page title="Settings" description="Appearance, and where Flotilla keeps its data.">
      <div className="panels">
        <section className="panel" aria-labelledby="appearance-title">
          <h2 id="appearance-title">Appearance</h2>
          <ThemeSetting />
        </section>
        <section className="panel" aria-labelledby="about-title">
          <h2 id="about-title">About this Flotilla</h2>
          <AboutPanel />
        </section>
        <section className="panel" aria-labelledby="shortcuts-title">
          <h2 id="shortcuts-title">Keyboard shortcuts</h2>
          <ShortcutsPanel />
        </section>
      </div>
    </Page>
  );
}
