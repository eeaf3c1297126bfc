import { describe, expect, it } from 'vitest'
import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { deviationBasis, deviationHeadline, durationDeviation } from './duration-deviation.ts'

const MIN = 60_000
const DAY = 86_400_000
const T0 = Date.UTC(2025, 9, 1, 6)

/** The job's run on day `day`, lasting `minutes` (null: still running). */
function run(day: number, minutes: number | null, result = 'Success'): ReplicaJobSession {
  const creationTime = T0 + day * DAY
  return {
    uid: `urn:veeam:ReplicaJobSession:${day}`,
    id: String(day),
    name: `Job@${day}`,
    href: `/api/replicaSessions/${day}`,
    jobUid: 'urn:veeam:Job:j',
    jobName: 'Job',
    jobType: 'Replica',
    creationTime,
    creationTimeText: new Date(creationTime).toISOString(),
    endTime: minutes === null ? null : creationTime + minutes * MIN,
    endTimeText: null,
    state: minutes === null ? 'Working' : 'Stopped',
    result: minutes === null ? 'None' : result,
    progress: minutes === null ? 40 : 100,
    isRetry: false,
    failureMessage: null,
    backupServerName: 'srv',
    backupServerUid: null,
    links: [],
  }
}

describe('durationDeviation', () => {
  it('compares with the average of the previous five successful runs only', () => {
    const history = [
      run(0, 1000), // sixth successful run back: outside the baseline
      run(1, 10),
      run(2, 20),
      run(3, 99, 'Failed'),
      run(4, 30),
      run(5, 5, 'Warning'),
      run(6, 40),
      run(7, 50),
      run(9, 500), // after this session: never part of its baseline
    ]
    const session = run(8, 45, 'Failed')
    const deviation = durationDeviation(session, [...history, session], T0 + 20 * DAY)
    expect(deviation).toEqual({ thisMs: 45 * MIN, averageMs: 30 * MIN, percent: 50, runs: 5 })
  })

  it('says shorter with a negative percentage, and works in any input order', () => {
    const history = [run(3, 20), run(1, 20), run(2, 20)]
    expect(durationDeviation(run(4, 15), history, 0)).toMatchObject({ percent: -25, runs: 3 })
  })

  it('measures a running session up to now', () => {
    const session = run(4, null)
    const now = session.creationTime + 30 * MIN
    expect(durationDeviation(session, [run(3, 20)], now)).toMatchObject({ thisMs: 30 * MIN, percent: 50 })
  })

  it('has nothing to say without an earlier successful run or with an unknown end', () => {
    expect(durationDeviation(run(4, 10), [run(3, 10, 'Failed'), run(5, 10)], 0)).toBeNull()
    expect(durationDeviation(run(4, 10), [], 0)).toBeNull()
    const unknownEnd = { ...run(4, 10), endTime: null }
    expect(durationDeviation(unknownEnd, [run(3, 10)], T0 + 30 * DAY)).toBeNull()
  })

  it('does not count the session itself even when it is a successful run in the list', () => {
    const session = run(4, 10)
    expect(durationDeviation(session, [session, run(3, 20)], 0)).toMatchObject({ runs: 1, percent: -50 })
  })
})

describe('describing a deviation', () => {
  it.each([
    [50, '50 % longer'],
    [-25, '25 % shorter'],
    [0, 'the same length'],
  ])('%i → %s', (percent, text) => {
    expect(deviationHeadline({ thisMs: 1, averageMs: 1, percent, runs: 5 })).toBe(text)
  })

  it('spells out the basis, with a spoken form', () => {
    const basis = deviationBasis({ thisMs: 45 * MIN, averageMs: 30 * MIN, percent: 50, runs: 5 })
    expect(basis.text).toBe('45:00 against an average of 30:00 over the previous 5 successful runs')
    expect(basis.spoken).toBe(
      '45 minutes against an average of 30 minutes over the previous 5 successful runs',
    )
    expect(deviationBasis({ thisMs: MIN, averageMs: MIN, percent: 0, runs: 1 }).text).toMatch(
      /previous successful run$/,
    )
  })
})
