/** Pod IPs from each node's podCIDR, handed out in order and reused after a pod goes away. */
export class PodIps {
  private readonly nodes = new Map<string, { next: number; free: number[]; byPod: Map<string, number> }>();
  private readonly text = new Map<string, string>();

  assign(node: string, podUid: string, cidr: string | undefined): string {
    const known = this.text.get(podUid);
    if (known !== undefined) return known;
    let n = this.nodes.get(node);
    if (!n) this.nodes.set(node, (n = { next: 2, free: [], byPod: new Map() }));
    let host = n.byPod.get(podUid);
    if (host === undefined) {
      host = n.free.shift() ?? n.next++;
      n.byPod.set(podUid, host);
    }
    const ip = hostAddress(cidr ?? '10.244.0.0/24', host);
    this.text.set(podUid, ip);
    return ip;
  }

  release(node: string, podUid: string): void {
    const n = this.nodes.get(node);
    const host = n?.byPod.get(podUid);
    this.text.delete(podUid);
    if (!n || host === undefined) return;
    n.byPod.delete(podUid);
    n.free.push(host);
  }
}

/** The host-th address inside an IPv4 CIDR (wrapping inside its size). */
export function hostAddress(cidr: string, host: number): string {
  const [base, bitsText] = cidr.split('/');
  const parts = (base ?? '').split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
    return `10.244.0.${(host % 254) + 1}`;
  const bits = Number(bitsText ?? 24);
  const size = 2 ** (32 - bits);
  const start =
    (((parts[0] as number) << 24) >>> 0) +
    ((parts[1] as number) << 16) +
    ((parts[2] as number) << 8) +
    (parts[3] as number);
  const offset = size > 2 ? 1 + ((host - 1) % (size - 2)) : 0;
  const ip = start + offset;
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}
