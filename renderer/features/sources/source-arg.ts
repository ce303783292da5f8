/**
 * The `source` argument of an object query. Live is every query's default, so only another source is
 * named: a query on live reads exactly as before, and one on a snapshot says which.
 */
export const sourceArg = (source: string): { source?: string } => (source === 'live' ? {} : { source });
