import type { ReactNode } from 'react';
import { Icon, type GlyphName } from './Icon';

/** What a page shows before there is anything to list: what it is for and what to do next. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  note,
}: {
  icon: GlyphName;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  note?: ReactNode;
}) {
  return (
    <section className="empty-state" aria-labelledby="empty-title" data-testid="empty-state">
      <div className="empty-icon">
        <Icon name={icon} size={28} />
      </div>
      <h2 id="empty-title">{title}</h2>
      <div className="empty-body">{children}</div>
      {actions ? <div className="empty-actions">{actions}</div> : null}
      {note ? <p className="empty-note">{note}</p> : null}
    </section>
  );
}
