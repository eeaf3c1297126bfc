import { describe, expect, test, vi } from 'vitest'

// A zone without daylight saving, set before any date code loads: the local columns are then known exactly.
vi.hoisted(() => {
  process.env.TZ = 'Asia/Kolkata'
})

import type { ReplicaJobSession } from '@/em/parse-session.ts'
import { sessionSearchSchema } from '@/em/session-url-filter.ts'
import { v } from '@/lib/valibot.ts'
import { csvFileName, sessionsToCsv } from './session-csv.ts'

const START = Date.UTC(2025, 9, 19, 6, 46, 31)

function session(overrides: Partial<ReplicaJobSession>): ReplicaJobSession {
  return {
    uid: 'urn:veeam:ReplicaJobSession:0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
    id: '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
    name: 'SQL Replication@2025-10-19 06:46:31',
    href: 'https://em.example:9398/api/replicaSessions/0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
    jobUid: 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
    jobName: 'SQL Replication',
    jobType: 'Replica',
    creationTime: START,
    creationTimeText: '2025-10-19T06:46:31Z',
    endTime: START + 125_000,
    endTimeText: '2025-10-19T06:48:36Z',
    state: 'Stopped',
    result: 'Failed',
    progress: 100,
    isRetry: true,
    failureMessage: 'Error: "disk" full, retrying',
    backupServerName: 'srv02.tech.local',
    backupServerUid: 'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018',
    links: [],
    ...overrides,
  }
}

describe('sessionsToCsv', () => {
  test('a header naming the zone, UTC and local times, quoted text', () => {
    const lines = sessionsToCsv([session({})], START + 999_000).split('\r\n')
    expect(lines[0]).toBe(
      'Session,Session UID,Job,Job UID,Backup server,Backup server UID,State,Result,Progress (%),Retry,' +
        'Started (UTC),"Started (local, GMT+5:30)",Ended (UTC),"Ended (local, GMT+5:30)",Duration (s),Failure message',
    )
    expect(lines[1]).toBe(
      'SQL Replication@2025-10-19 06:46:31,urn:veeam:ReplicaJobSession:0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b,' +
        'SQL Replication,urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1,srv02.tech.local,' +
        'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018,Stopped,Failed,100,true,' +
        '2025-10-19T06:46:31Z,2025-10-19 12:16:31,2025-10-19T06:48:36Z,2025-10-19 12:18:36,125,' +
        '"Error: ""disk"" full, retrying"',
    )
    expect(lines[2]).toBe('')
  })

  test('a running session: empty end columns, duration so far', () => {
    const running = session({
      endTime: null,
      endTimeText: null,
      state: 'Working',
      result: 'None',
      progress: 40,
    })
    const line = sessionsToCsv([running], START + 60_000).split('\r\n')[1]
    expect(line).toContain(',Working,None,40,true,2025-10-19T06:46:31Z,2025-10-19 12:16:31,,,60,')
  })
})

describe('csvFileName', () => {
  test('says the filter, the scope and the local time', () => {
    const search = v.parse(sessionSearchSchema, {
      result: ['Failed', 'Warning'],
      created: '7d',
      job: 'SQL Replication',
      jobUid: 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
      q: 'IsRetry==true',
    })
    expect(csvFileName(search, 'all-pages', START)).toBe(
      'replica-sessions_jobUid-2c49a44e_job-SQL-Replication_result-Failed+Warning_created-7d_q_all-pages_20251019-1216.csv',
    )
  })

  test('no filter: "all" (sort and paging are not the filter)', () => {
    expect(
      csvFileName({ ...v.parse(sessionSearchSchema, {}), ...{ sort: 'Name.asc', page: 3 } }, 'page-1', START),
    ).toBe('replica-sessions_all_page-1_20251019-1216.csv')
  })
})
