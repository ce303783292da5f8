import { sections, shortcutDigit } from '../../app/sections';

const listKeys: [string[], string][] = [
  [['↑', '↓'], 'Move through the sections'],
  [['Home', 'End'], 'First or last section'],
  [['Enter'], 'Open the focused section'],
  [['Tab'], 'Move between sidebar and page'],
];

/** The keyboard shortcuts, generated from the section list so they cannot drift. */
export function ShortcutsPanel() {
  return (
    <dl className="shortcuts">
      {sections.map((section, index) => (
        <div key={section.id} className="shortcut">
          <dt>
            <kbd>Alt</kbd> + <kbd>{shortcutDigit(index)}</kbd>
          </dt>
          <dd>{section.label}</dd>
        </div>
      ))}
      {listKeys.map(([keys, action]) => (
        <div key={action} className="shortcut">
          <dt>
            {keys.map((key) => (
              <kbd key={key}>{key}</kbd>
            ))}
          </dt>
          <dd>{action}</dd>
        </div>
      ))}
    </dl>
  );
}
