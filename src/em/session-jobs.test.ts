import { describe, expect, it } from 'vitest'
import type { ReplicaJobSession } from './parse-session.ts'
import { jobsOfSessions } from './session-jobs.ts'

function session(jobUid: string, jobName: string, creationTime: number): ReplicaJobSession {
  const id = `00000000-0000-4000-8000-${String(creationTime).padStart(12, '0')}`
  return {
    uid: `urn:veeam:ReplicaJobSession:${id}`,
    id,
    name: `${jobName}@${creationTime}`,
    href: '',
    jobUid,
    jobName,
    jobType: 'Replica',
    creationTime,
    creationTimeText: '',
    endTime: null,
    endTimeText: null,
    state: 'Stopped',
    result: 'Success',
    progress: 100,
    isRetry: false,
    failureMessage: null,
    backupServerName: null,
    backupServerUid: null,
    links: [],
  }
}

describe('jobsOfSessions', () => {
  it('lists each job once, by UID ignoring case, under its newest name, sorted by name', () => {
    const jobs = jobsOfSessions([
      session('urn:veeam:Job:b', 'Beta', 3),
      session('urn:veeam:Job:A', 'Alpha (renamed)', 5),
      session('urn:veeam:Job:a', 'Alpha', 1),
      session('urn:veeam:Job:c', 'Alpha', 2),
    ])
    expect(jobs).toEqual([
      { uid: 'urn:veeam:Job:c', name: 'Alpha' },
      { uid: 'urn:veeam:Job:A', name: 'Alpha (renamed)' },
      { uid: 'urn:veeam:Job:b', name: 'Beta' },
    ])
  })

  it('knows no job without sessions', () => {
    expect(jobsOfSessions([])).toEqual([])
  })
})
