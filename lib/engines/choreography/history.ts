import type { EngineContext, HistoryView, Placement } from './engine-types'

const FAMILY_COUNT = 16

/** The choreography so far, as counters the scorer reads in O(1). */
export class History implements HistoryView {
  prevIdx = -1
  prevFamilyIdx = -1
  state = -1

  constructor(
    readonly used: Uint16Array,
    readonly familyUsed: Uint16Array,
    readonly started: Int16Array,
  ) {}

  static empty(ctx: EngineContext): History {
    return new History(
      new Uint16Array(ctx.moves.length),
      new Uint16Array(FAMILY_COUNT),
      new Int16Array(ctx.slotCount).fill(-1),
    )
  }

  clone(): History {
    const h = new History(this.used.slice(), this.familyUsed.slice(), this.started.slice())
    h.prevIdx = this.prevIdx
    h.prevFamilyIdx = this.prevFamilyIdx
    h.state = this.state
    return h
  }

  apply(p: Placement): void {
    this.used[p.m.idx]++
    this.familyUsed[p.m.familyIdx]++
    this.started[p.slot] = p.m.idx
    this.prevIdx = p.m.idx
    this.prevFamilyIdx = p.m.familyIdx
    this.state = p.m.exitKey
  }

  usage(idx: number): number { return this.used[idx] }
  familyUsage(f: number): number { return this.familyUsed[f] }
  startedAt(k: number): number { return this.started[k] }
}

/** A history plus a few placements on top, without copying (a bridge being tried). */
export class OverlayHistory implements HistoryView {
  prevIdx: number
  prevFamilyIdx: number

  constructor(readonly base: HistoryView, readonly extra: Placement[]) {
    const last = extra[extra.length - 1]
    this.prevIdx = last ? last.m.idx : base.prevIdx
    this.prevFamilyIdx = last ? last.m.familyIdx : base.prevFamilyIdx
  }

  usage(idx: number): number {
    let u = this.base.usage(idx)
    for (const p of this.extra) if (p.m.idx === idx) u++
    return u
  }

  familyUsage(f: number): number {
    let u = this.base.familyUsage(f)
    for (const p of this.extra) if (p.m.familyIdx === f) u++
    return u
  }

  startedAt(k: number): number {
    for (const p of this.extra) if (p.slot === k) return p.m.idx
    return this.base.startedAt(k)
  }
}
