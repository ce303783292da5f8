import { allocationPercent, formatCpu, formatMemory, type Allocation } from '../../../shared/contract/fleet';

/** "29% 2.92 / 10 CPUs" with a bar, as in the reference deck's list. */
export function AllocationBar({
  allocation,
  kind,
}: {
  allocation: Allocation | undefined;
  kind: 'cpu' | 'memory';
}) {
  if (!allocation || allocation.allocatable <= 0) return <span className="fl-muted">--</span>;
  const pct = (allocation.requested / allocation.allocatable) * 100;
  const text = kind === 'cpu' ? formatCpu(allocation) : formatMemory(allocation);
  const level = pct >= 90 ? 'high' : pct >= 70 ? 'mid' : 'low';
  return (
    <span className="fl-alloc" title={text}>
      <span className="fl-alloc-text">{text}</span>
      <span
        className="fl-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(pct)}
        aria-label={text}
      >
        <span className={`fl-bar-fill fl-bar-${level}`} style={{ width: `${Math.min(100, pct)}%` }} />
      </span>
    </span>
  );
}

/** The overview's big gauge: percentage, figures, a wide bar. */
export function AllocationGauge({
  title,
  allocation,
  kind,
}: {
  title: string;
  allocation: Allocation | undefined;
  kind: 'cpu' | 'memory';
}) {
  const text = kind === 'cpu' ? formatCpu(allocation) : formatMemory(allocation);
  const pct =
    allocation && allocation.allocatable > 0 ? (allocation.requested / allocation.allocatable) * 100 : 0;
  return (
    <section className="fl-gauge" aria-label={title}>
      <h3>{title}</h3>
      <div className="fl-gauge-pct">{allocationPercent(allocation)}</div>
      <div className="fl-gauge-figures">{text.replace(/^\S+ /, '')}</div>
      <div className="fl-bar fl-bar-wide">
        <span className="fl-bar-fill fl-bar-low" style={{ width: `${Math.min(100, pct)}%` }} />
      </div>
    </section>
  );
}
