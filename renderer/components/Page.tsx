import type { ReactNode } from 'react';
import { PageHeader } from './PageHeader';

/** The frame every section uses: header, then scrolling content. */
export function Page({
  title,
  description,
  actions,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="page">
      <PageHeader title={title} description={description} actions={actions} />
      <div className="page-content">{children}</div>
    </div>
  );
}
