import { describe, expect, it } from 'vitest'
import { envelopeGrowth, floorGrowth, type Sample, type Sampled } from './wall-bench.ts'

const sampled = (nodes: readonly number[]): Sampled[] =>
  nodes.map((n, i) => ({
    cycle: 50 + i * 10,
    at: {
      heapMb: 10,
      nodes: n,
      listeners: 700,
      timeouts: 30,
      cacheGcTimeouts: 25,
      intervals: 11,
    } satisfies Sample,
  }))

describe('envelopeGrowth', () => {
  it('calls a count that moves between pages, without a trend, flat', () => {
    // The rotating page alternates between a long and a short page; the last sample falls on the short one.
    const growth = envelopeGrowth(sampled([660, 540, 665, 500, 640, 470, 665, 540, 660, 390]), (s) => s.nodes)
    expect(growth.value).toBe(0)
  })

  it('sees a count whose whole range rises, even when the last sample is low', () => {
    const leaking = [600, 500, 610, 510, 620, 520, 630, 530, 640, 540, 650, 545].map((n, i) => n + i * 5)
    const growth = envelopeGrowth(sampled(leaking), (s) => s.nodes)
    expect(growth.value).toBe(650 + 10 * 5 - (610 + 2 * 5))
    expect(growth.note).toBe('highest 620 in cycles 50–70, 700 in cycles 140–160')
  })

  it('compares the first sample with the last when there are only two', () => {
    expect(envelopeGrowth(sampled([500, 530]), (s) => s.nodes).value).toBe(30)
  })
})

describe('floorGrowth', () => {
  const heap = (mb: readonly number[]): Sampled[] =>
    mb.map((heapMb, i) => ({
      cycle: 50 + i * 10,
      at: {
        heapMb,
        nodes: 700,
        listeners: 700,
        timeouts: 30,
        cacheGcTimeouts: 25,
        intervals: 11,
      } satisfies Sample,
    }))

  it('ignores what passes: a late sample taken mid-decode does not count as growth', () => {
    const growth = floorGrowth(heap([14.7, 15.8, 15.4, 15.7, 14.1, 16.0, 19.5, 14.2]), (s) => s.heapMb)
    expect(growth).toEqual({ value: 14.2 - 14.7, first: 14.7, last: 14.2 })
  })

  it('sees what stays: a leak lifts every sample after it, so the floor rises', () => {
    const leaking = [14.7, 15.8, 15.4, 15.7, 14.1, 16.0, 19.5, 14.2].map((mb, i) => mb + i * 0.5)
    expect(floorGrowth(heap(leaking), (s) => s.heapMb).value).toBeCloseTo(14.2 + 3.5 - 14.7)
  })
})
