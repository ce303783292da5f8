/** A binary min-heap of (time, item): the controllers' alarm clock. */
export class TimerHeap<T> {
  private readonly times: number[] = [];
  private readonly items: T[] = [];

  get size(): number {
    return this.times.length;
  }

  push(time: number, item: T): void {
    this.times.push(time);
    this.items.push(item);
    let i = this.times.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.times[parent] as number) <= time) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  peekTime(): number | undefined {
    return this.times[0];
  }

  /** Items whose time is ≤ now, earliest first. */
  popDue(now: number): T[] {
    const out: T[] = [];
    while (this.times.length > 0 && (this.times[0] as number) <= now) out.push(this.pop() as T);
    return out;
  }

  private pop(): T | undefined {
    if (this.times.length === 0) return undefined;
    const top = this.items[0];
    const lastTime = this.times.pop() as number;
    const lastItem = this.items.pop() as T;
    if (this.times.length > 0) {
      this.times[0] = lastTime;
      this.items[0] = lastItem;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.times.length && (this.times[l] as number) < (this.times[m] as number)) m = l;
        if (r < this.times.length && (this.times[r] as number) < (this.times[m] as number)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.times[a], this.times[b]] = [this.times[b] as number, this.times[a] as number];
    [this.items[a], this.items[b]] = [this.items[b] as T, this.items[a] as T];
  }
}
