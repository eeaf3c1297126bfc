import { describe, expect, it } from 'vitest'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { HISTORY_SERIES, SERIES_ORDER, seriesOf, toHistoryPoints } from './history-series.ts'

const MIN = 60_000
const T0 = Date.UTC(2025, 9, 1, 6)

function run(n: number, patch: Partial<ReplicaJobSession> = {}): ReplicaJobSession {
  const creationTime = T0 + n * 3_600_000
  return {
    uid: `urn:veeam:ReplicaJobSession:${n}`,
    id: String(n),
    name: `Job@${n}`,
    href: '',
    jobUid: 'urn:veeam:Job:j',
    jobName: 'Job',
    jobType: 'Replica',
    creationTime,
    creationTimeText: '',
    endTime: creationTime + 10 * MIN,
    endTimeText: null,
    state: 'Stopped',
    result: 'Success',
    progress: 100,
    isRetry: false,
    failureMessage: null,
    backupServerName: null,
    backupServerUid: null,
    links: [],
    ...patch,
  }
}

describe('history series', () => {
  it('gives every series its own shape, so no result reads by colour alone', () => {
    const shapes = SERIES_ORDER.map((key) => HISTORY_SERIES[key].shape)
    expect(new Set(shapes).size).toBe(SERIES_ORDER.length)
    expect(Object.keys(HISTORY_SERIES).sort()).toEqual([...SERIES_ORDER].sort())
  })

  it.each([
    [{ result: 'Failed' }, 'failed'],
    [{ result: 'warning' }, 'warning'],
    [{ result: 'Success' }, 'success'],
    [{ result: 'None', state: 'Working', endTime: null }, 'running'],
    [{ result: 'Odd' }, 'other'],
  ] as const)('%j → %s', (patch, key) => {
    expect(seriesOf(run(1, patch))).toBe(key)
  })
})

describe('toHistoryPoints', () => {
  it('orders oldest first, marks this session with its fresh data, and skips unknown durations', () => {
    const stale = run(3, { state: 'Working', result: 'None', endTime: null, progress: 10 })
    const fresh = { ...stale, state: 'Stopped', result: 'Failed', endTime: stale.creationTime + 20 * MIN }
    const unknownEnd = run(2, { endTime: null })
    const points = toHistoryPoints([stale, unknownEnd, run(1)], fresh, T0)
    expect(points.map((p) => [p.index, p.uid, p.series, p.minutes, p.isThis])).toEqual([
      [1, run(1).uid, 'success', 10, false],
      [2, stale.uid, 'failed', 20, true],
    ])
  })

  it('measures a running session up to now', () => {
    const live = run(1, { state: 'Working', result: 'None', endTime: null })
    const [point] = toHistoryPoints([live], live, live.creationTime + 90_000)
    expect(point).toMatchObject({ series: 'running', durationMs: 90_000, minutes: 1.5, isThis: true })
  })
})
