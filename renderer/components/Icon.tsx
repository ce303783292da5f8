import type { IconName } from '../app/sections';

/** Line glyphs drawn on a 16×16 grid with the current text colour. */
const paths: Record<IconName | 'brand' | 'upload' | 'terminal', string> = {
  brand: 'M8 1.5v10M8 2.5l5 8H8M6.8 4.2 3 10.5h3.8M1.5 12.5h13l-1.8 2h-9.4z',
  groups: 'M2 2.5h5v5H2zM9 2.5h5v5H9zM2 9.5h5v4H2zM9 9.5h5v4H9z',
  clusters: 'M8 1.5 13.6 4.75v6.5L8 14.5l-5.6-3.25v-6.5zM8 5.5 10.2 6.75v2.5L8 10.5 5.8 9.25v-2.5z',
  workspaces: 'M1.5 5h13v8.5h-13zM5.5 5V2.5h5V5M1.5 8.5h13',
  namespaces: 'M5.5 2H3.5v12h2M10.5 2h2v12h-2M7 8h2',
  workloads: 'M8 1.8 14.2 5 8 8.2 1.8 5zM1.8 8 8 11.2 14.2 8M1.8 11 8 14.2 14.2 11',
  policies: 'M8 1.5 13.5 3.5v4.3c0 3.2-2.3 5.6-5.5 6.7-3.2-1.1-5.5-3.5-5.5-6.7V3.5zM5.6 8l1.7 1.7 3.2-3.4',
  inspections: 'M7 2a4.8 4.8 0 1 1 0 9.6A4.8 4.8 0 0 1 7 2zM10.5 10.5 14.5 14.5',
  mesh: 'M3.5 8a1.7 1.7 0 1 1 0 .01zM12.5 3.5a1.7 1.7 0 1 1 0 .01zM12.5 12.5a1.7 1.7 0 1 1 0 .01zM5 7.3l6-3M5 8.7l6 3M12.5 5.2v5.6',
  cost: 'M2 2h6.2L14 7.8 7.8 14 2 8.2zM5.2 4.2a1 1 0 1 1 0 .01z',
  settings: 'M2 4h12M2 8h12M2 12h12M5 2.6v2.8M10.5 6.6v2.8M6.5 10.6v2.8',
  upload: 'M8 10.5V2.5M4.8 5.7 8 2.5l3.2 3.2M2.5 10v3.5h11V10',
  terminal: 'M1.5 2.5h13v11h-13zM4 6l2.5 2L4 10M8 10.5h4',
};

export type GlyphName = keyof typeof paths;

export function Icon({ name, size = 16, className }: { name: GlyphName; size?: number; className?: string }) {
  return (
    <svg
      className={className}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
