import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readSample } from '@/test/samples.ts'
import { decodeBody } from './decode-body.ts'
import { EmParseError } from './errors.ts'
import { parseTaskSession, parseTaskSessions } from './parse-task-session.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

function xmlTask(overrides: { attributes?: string; end?: string | null; state?: string } = {}): string {
  const end =
    overrides.end === undefined
      ? '<EndTimeUTC>2025-11-03T21:03:16.73Z</EndTimeUTC>'
      : overrides.end === null
        ? ''
        : `<EndTimeUTC>${overrides.end}</EndTimeUTC>`
  return `<ReplicaTaskSessions><ReplicaTaskSession Href="https://h/api/replicaTaskSessions/c20dae03-4f75-4191-ae81-862f4b7988ca?format=Entity" Type="ReplicaTaskSession" Name="vm@2025-11-03 21:00:26" UID="urn:veeam:ReplicaTaskSession:c20dae03-4f75-4191-ae81-862f4b7988ca" ${overrides.attributes ?? 'VmDisplayName="vm"'}><Links /><JobSessionUid>urn:veeam:ReplicaJobSession:f5bf1a4b-c229-452e-a4e8-0354e1752b4e</JobSessionUid><CreationTimeUTC>2025-11-03T21:00:26.19Z</CreationTimeUTC>${end}<State>${overrides.state ?? 'Completed'}</State><Result>None</Result><Reason /><TotalSize>17179869184</TotalSize></ReplicaTaskSession></ReplicaTaskSessions>`
}

describe('parseTaskSessions', () => {
  test('the §6.2 XML and JSON examples are deep-equal', () => {
    const fromXml = parseTaskSessions(decodeBody(fixture('replica-task-sessions.xml'), 'xml'))
    expect(parseTaskSessions(decodeBody(fixture('replica-task-sessions.json'), 'json'))).toEqual(fromXml)
    expect(fromXml).toEqual([
      {
        uid: 'urn:veeam:ReplicaTaskSession:c20dae03-4f75-4191-ae81-862f4b7988ca',
        id: 'c20dae03-4f75-4191-ae81-862f4b7988ca',
        name: 'ubuntu88@2025-11-03 21:00:26',
        href: 'https://enterprise06.tech.local:9398/api/replicaTaskSessions/c20dae03-4f75-4191-ae81-862f4b7988ca?format=Entity',
        vmDisplayName: 'ubuntu88',
        jobSessionUid: 'urn:veeam:ReplicaJobSession:f5bf1a4b-c229-452e-a4e8-0354e1752b4e',
        creationTime: Date.UTC(2025, 10, 3, 21, 0, 26, 190),
        endTime: Date.UTC(2025, 10, 3, 21, 3, 16, 730),
        state: 'Completed',
        result: 'Success',
        reason: '',
        totalSize: 17179869184,
        links: expect.any(Array),
      },
    ])
    expect(fromXml[0]?.links.map((link) => [link.rel, link.type])).toEqual([
      ['Up', 'BackupServerReference'],
      ['Up', 'ReplicaJobSessionReference'],
      ['Alternate', 'ReplicaTaskSessionReference'],
    ])
  })

  test('the v13 sample (one-item list)', () => {
    const tasks = parseTaskSessions(
      decodeBody(readSample('replicasession-replicatasksessions-entities.xml'), 'xml'),
    )
    expect(tasks.map((task) => task.vmDisplayName)).toEqual(['ubuntu88'])
  })

  test.each([
    ['the 1900 sentinel', '1900-01-01T00:00:00Z'],
    ['an empty element', ''],
    ['an absent element', null],
    ['a time before the start', '2025-11-03T21:00:26.18Z'],
  ])('end time as %s → null while InProgress', (_label, end) => {
    const [task] = parseTaskSessions(decodeBody(xmlTask({ end, state: 'InProgress' }), 'xml'))
    expect(task).toMatchObject({ endTime: null, state: 'InProgress', result: 'None' })
  })

  test('an empty collection in either format', () => {
    expect(
      parseTaskSessions(decodeBody('<ReplicaTaskSessions xmlns="http://www.veeam.com/ent/v1.0" />', 'xml')),
    ).toEqual([])
    expect(parseTaskSessions(decodeBody('{"ReplicaTaskSessions":[]}', 'json'))).toEqual([])
  })

  test('VmDisplayName is required, as attribute or key', () => {
    expect(() => parseTaskSessions(decodeBody(xmlTask({ attributes: '' }), 'xml'))).toThrow(
      /\[0\]\.VmDisplayName/,
    )
  })

  test('a job-session list is not taken for task sessions', () => {
    expect(() => parseTaskSessions(decodeBody('{"ReplicaJobSessions":[{"UID":"x"}]}', 'json'))).toThrow(
      EmParseError,
    )
  })
})

describe('parseTaskSession', () => {
  test('the older entity sample: repicaTaskSessions Hrefs and a Related VmReplicaPoint link', () => {
    const task = parseTaskSession(decodeBody(readSample('replicatasksession-entity.xml'), 'xml'))
    expect(task).toMatchObject({
      id: '24590151-20cd-4e57-8a2f-8b65869a1879',
      vmDisplayName: 'srv04',
      href: 'https://localhost:9398/api/repicaTaskSessions/24590151-20cd-4e57-8a2f-8b65869a1879?format=Entity',
      creationTime: Date.UTC(2014, 9, 19, 6, 47, 21),
      endTime: Date.UTC(2014, 9, 19, 7, 2, 33),
      reason: '',
      totalSize: 64424509440,
    })
    expect(task.links.at(-1)).toMatchObject({ rel: 'Related', type: 'VmReplicaPoint' })
  })
})
