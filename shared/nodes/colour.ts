/**
 * The heatmap's colour scale: a share (0…1, past 1 when overcommitted) to a colour, in bands so
 * the legend can name them. Colours are chosen to read on both the light and the dark theme.
 */

export interface Band {
  /** Lower bound, inclusive (share of allocatable). */
  from: number;
  label: string;
  colour: string;
}

export const BANDS: readonly Band[] = [
  { from: 0, label: '0–20%', colour: '#2f855a' },
  { from: 0.2, label: '20–40%', colour: '#68a34a' },
  { from: 0.4, label: '40–60%', colour: '#c9b22a' },
  { from: 0.6, label: '60–80%', colour: '#dd8a24' },
  { from: 0.8, label: '80–100%', colour: '#d4502c' },
  { from: 1, label: '≥100%', colour: '#9b1c3a' },
];

/** Nodes without a figure (no allocatable, or no metrics for "used"). */
export const NO_DATA: Band = { from: Number.NaN, label: 'No data', colour: '#8a8f98' };
/** Nodes that are not Ready, whatever their figures. */
export const DOWN: Band = { from: Number.NaN, label: 'Not ready', colour: '#8e44ad' };

export function bandOf(share: number | undefined | null): Band {
  if (share === undefined || share === null || !Number.isFinite(share) || share < 0) return NO_DATA;
  let band = BANDS[0]!;
  for (const b of BANDS) if (share >= b.from - 1e-9) band = b;
  return band;
}
