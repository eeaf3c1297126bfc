import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readSample } from '@/test/samples.ts'
import { decodeBody } from './decode-body.ts'
import { EmParseError } from './errors.ts'
import { parseSession, parseSessions, parseSessionsPage } from './parse-session.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const xml = (text: string) => decodeBody(text, 'xml')
const json = (text: string) => decodeBody(text, 'json')

const SERVER = 'https://em.example.com:9398/api/backupServers/CE15A8C7-AA49-495E-B05B-EE3398C91018'
const LINKS = [
  { Rel: 'Up', Type: 'BackupServerReference', Name: 'srv02.tech.local', Href: SERVER },
  {
    Rel: 'Down',
    Type: 'ReplicaTaskSessionReferenceList',
    Href: 'https://em.example.com:9398/api/replicaSessions/x/repicaTaskSessions',
  },
]
// Element children of a session, in EM's order; undefined drops the element (or JSON key).
const FIELDS: Record<string, string | undefined> = {
  JobUid: 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
  JobName: 'SQL "Prod"; a,b',
  JobType: 'Replica',
  CreationTimeUTC: '2025-10-19T06:46:31Z',
  EndTimeUTC: '2025-10-19T07:02:35Z',
  State: 'Stopped',
  Result: 'Success',
  Progress: '100',
  IsRetry: 'false',
}
const ATTRIBUTES = {
  Href: 'https://em.example.com:9398/api/replicaSessions/0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b?format=Entity',
  Type: 'ReplicaJobSession',
  Name: 'SQL@2025-10-19 06:46:31',
  UID: 'urn:veeam:ReplicaJobSession:0BCF5A1E-866C-4B40-8BC3-CE64753B9A6B',
}

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')

function xmlSession(fields: Record<string, string | undefined>): string {
  const attributes = Object.entries(ATTRIBUTES).map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
  const links = LINKS.map(
    (link) =>
      Object.entries(link).reduce((tag, [key, value]) => `${tag} ${key}="${escapeXml(value)}"`, '<Link') +
      ' />',
  )
  const children = Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => (value === '' ? `<${key} />` : `<${key}>${escapeXml(value ?? '')}</${key}>`))
  return `<ReplicaJobSession${attributes.join('')}><Links>${links.join('')}</Links>${children.join('')}</ReplicaJobSession>`
}

function xmlPage(sessions: string[]): string {
  return `<?xml version="1.0" encoding="utf-8"?><QueryResult xmlns="http://www.veeam.com/ent/v1.0"><Entities><ReplicaJobSessions>${sessions.join('')}</ReplicaJobSessions></Entities><PagingInfo PageNum="1" PageSize="100" PagesCount="1"><Links><Link Href="https://em.example.com:9398/api/query?type=ReplicaJobSession&amp;page=1" Rel="First" /></Links></PagingInfo></QueryResult>`
}

// JSON as EM 12/13 writes it: numbers and booleans typed, null for missing values (em-api.md §5).
function jsonSession(fields: Record<string, unknown>): Record<string, unknown> {
  return { ...fields, ...ATTRIBUTES, Links: LINKS }
}

function jsonPage(sessions: Record<string, unknown>[]): string {
  return JSON.stringify({
    Refs: null,
    Entities: {
      BackupJobSessions: null,
      Jobs: null,
      ReplicaJobSessions: { ReplicaJobSessions: sessions },
      ReplicaTaskSessions: null,
    },
    Resources: null,
    Links: null,
    PagingInfo: {
      Links: [
        {
          Rel: 'First',
          Href: 'https://em.example.com:9398/api/query?type=ReplicaJobSession&page=1',
          Name: null,
          Type: null,
        },
      ],
      PageNum: 1,
      PageSize: 100,
      PagesCount: 1,
    },
  })
}

const TYPED_FIELDS = { ...FIELDS, Progress: 100, IsRetry: false }

describe('parseSessionsPage', () => {
  test('the §5 XML and JSON examples give deep-equal pages', () => {
    const fromXml = parseSessionsPage(xml(fixture('query-replica-entities.xml')))
    const fromJson = parseSessionsPage(json(fixture('query-replica-entities.json')))
    expect(fromJson).toEqual(fromXml)
    expect(fromXml.paging).toMatchObject({ pageNum: 2, pageSize: 1, pagesCount: 2 })
    expect(fromXml.paging.links.map((link) => link.rel)).toEqual(['First', 'Previous', 'Last'])
    expect(fromXml.paging.links[0]?.href).toContain('&format=Entities&filter=BackupServerName%3D%3D')
    expect(fromXml.items).toEqual([
      expect.objectContaining({
        id: '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
        jobName: 'Fileserver02 Replication',
        creationTime: Date.UTC(2025, 9, 19, 6, 46, 31),
        endTime: Date.UTC(2025, 9, 19, 7, 2, 35),
        progress: 100,
        isRetry: false,
        backupServerName: 'srv02.tech.local',
        backupServerUid: 'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018',
      }),
    ])
  })

  test('a generated XML page and its JSON twin are deep-equal, quoting and escapes included', () => {
    const fromXml = parseSessionsPage(xml(xmlPage([xmlSession(FIELDS)])))
    const fromJson = parseSessionsPage(json(jsonPage([jsonSession(TYPED_FIELDS)])))
    expect(fromJson).toEqual(fromXml)
    expect(fromXml.items[0]?.jobName).toBe('SQL "Prod"; a,b')
    expect(fromXml.items[0]?.id).toBe('0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b')
    expect(fromXml.items[0]?.backupServerUid).toBe(
      'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018',
    )
  })

  test('reads Entities.ReplicaJobSessions by name among ~50 null collections, with Refs null beside', () => {
    const page = parseSessionsPage(json(jsonPage([jsonSession(TYPED_FIELDS), jsonSession(TYPED_FIELDS)])))
    expect(page.items).toHaveLength(2)
  })

  test('an empty result in either format is an empty page', () => {
    const emptyXml =
      '<QueryResult><Entities><ReplicaJobSessions /></Entities><PagingInfo PageNum="1" PageSize="100" PagesCount="1"><Links /></PagingInfo></QueryResult>'
    expect(parseSessionsPage(xml(emptyXml)).items).toEqual([])
    expect(parseSessionsPage(json(jsonPage([]))).items).toEqual([])
    const nullList =
      '{"Entities":{"ReplicaJobSessions":{"ReplicaJobSessions":null}},"PagingInfo":{"PageNum":1,"PageSize":100,"PagesCount":1,"Links":[]}}'
    expect(parseSessionsPage(json(nullList)).items).toEqual([])
  })

  test('the query-backupjobsession samples read as replica sessions give the v13 and 9.5-era quirks', () => {
    const asReplica = (name: string) => readSample(name).replaceAll('BackupJobSession', 'ReplicaJobSession')
    const v13 = parseSessionsPage(xml(asReplica('query-backupjobsession-entities.xml')))
    expect(v13.items.map((s) => [s.creationTime, s.endTime, s.isRetry, s.result, s.jobType])).toEqual([
      [
        Date.UTC(2025, 7, 16, 5, 17, 38, 221),
        Date.UTC(2025, 7, 16, 5, 25, 1, 879),
        true,
        'Failed',
        'ImmediateBackupCopyWorker',
      ],
      [
        Date.UTC(2025, 7, 15, 20, 0, 24, 3),
        Date.UTC(2025, 7, 15, 20, 4, 13, 487),
        false,
        'Success',
        'Backup',
      ],
    ])
    expect(v13.items[0]?.creationTimeText).toBe('2025-08-16T05:17:38.22142Z')
    expect(v13.paging).toMatchObject({ pageNum: 1, pageSize: 100, pagesCount: 1 })
    const old = parseSessionsPage(json(asReplica('query-backupjobsession-entities.json')))
    expect(old.items[0]).toMatchObject({
      backupServerName: '192.168.16.21',
      progress: 100,
      failureMessage: null,
    })
    expect(old.items[0]?.links.find((link) => link.rel === 'Stop')).toEqual({
      rel: 'Stop',
      type: null,
      name: null,
      href: 'http://192.168.16.21:9399/api/backupSessions/3d5f5b00-a91e-4b55-9417-fcd08ec1df08?action=stop',
    })
  })

  test.each([
    ['xml', () => xml(readSample('query-backupjobsession-entities.xml'))],
    ['json', () => json(readSample('query-backupjobsession-entities.json'))],
  ])('a BackupJobSession page (%s) is not taken for replica sessions', (_format, load) => {
    expect(() => parseSessionsPage(load())).toThrow(
      /Entities\.ReplicaJobSessions: expected a ReplicaJobSessions collection/,
    )
  })

  test('a missing field is named with its path', () => {
    const broken = xmlPage([xmlSession({ ...FIELDS, CreationTimeUTC: undefined })])
    expect(() => parseSessionsPage(xml(broken))).toThrow(EmParseError)
    expect(() => parseSessionsPage(xml(broken))).toThrow(/Entities\.ReplicaJobSessions\[0\]\.CreationTimeUTC/)
    expect(() =>
      parseSessionsPage(json('{"Entities":{"ReplicaJobSessions":{"ReplicaJobSessions":[]}}}')),
    ).toThrow(/PagingInfo/)
  })
})

describe('parseSession', () => {
  test('the replicasession-entity sample (repicaTaskSessions spelling kept as sent)', () => {
    const session = parseSession(xml(readSample('replicasession-entity.xml')))
    expect(session).toMatchObject({
      uid: 'urn:veeam:ReplicaJobSession:0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
      id: '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
      name: 'Fileserver02 Replication@2014-10-19 06:46:31',
      href: 'https://localhost:9398/api/replicaSessions/0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b?format=Entity',
      jobUid: 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
      jobType: 'Replica',
      creationTimeText: '2014-10-19T06:46:31Z',
      endTimeText: '2014-10-19T07:02:35Z',
      state: 'Stopped',
      result: 'Success',
      progress: 100,
      isRetry: false,
      failureMessage: null,
      backupServerName: 'srv02.tech.local',
      backupServerUid: 'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018',
    })
    expect(session.links).toHaveLength(4)
    expect(session.links[3]?.href).toMatch(/\/repicaTaskSessions$/)
  })

  test('an entity in XML and JSON are deep-equal', () => {
    const fromJson = parseSession(json(JSON.stringify(jsonSession(TYPED_FIELDS))))
    expect(parseSession(xml(xmlSession(FIELDS)))).toEqual(fromJson)
  })

  const START = '2025-10-19T06:46:31Z'
  test.each([
    ['the 1900 sentinel', '1900-01-01T00:00:00Z', null],
    ['an empty element', '', null],
    ['an absent element', undefined, null],
    ['unparsable text', 'soon', null],
    ['a year before 1970', '1969-12-31T23:59:59Z', null],
    ['a time before the start', '2025-10-19T06:46:30Z', null],
    ['a date that does not exist', '2025-02-30T07:00:00Z', null],
    ['the start itself', START, Date.UTC(2025, 9, 19, 6, 46, 31)],
    ['a real end', '2025-10-19T07:02:35.5Z', Date.UTC(2025, 9, 19, 7, 2, 35, 500)],
  ])('XML end time as %s → %s', (_label, end, expected) => {
    const session = parseSession(xml(xmlSession({ ...FIELDS, CreationTimeUTC: START, EndTimeUTC: end })))
    expect(session.endTime).toBe(expected)
    expect(session.endTimeText).toBe(expected === null ? null : end)
  })

  test.each([
    ['null', { EndTimeUTC: null }],
    ['an empty string', { EndTimeUTC: '' }],
    ['an absent key', { EndTimeUTC: undefined }],
    ['the sentinel', { EndTimeUTC: '1900-01-01T00:00:00Z' }],
    ['a number', { EndTimeUTC: 0 }],
  ])('JSON end time as %s → not ended', (_label, override) => {
    const session = parseSession(json(JSON.stringify(jsonSession({ ...TYPED_FIELDS, ...override }))))
    expect(session.endTime).toBeNull()
    expect(session.endTimeText).toBeNull()
  })

  test.each([
    ['2025-11-03T21:00:26Z', 0],
    ['2025-11-03T21:00:26.1Z', 100],
    ['2025-11-03T21:00:26.19Z', 190],
    ['2025-11-03T21:00:26.993Z', 993],
    ['2025-11-03T21:00:26.2214Z', 221],
    ['2025-11-03T21:00:26.22142Z', 221],
    ['2025-11-03T21:00:26.879599Z', 879],
    ['2025-11-03T21:00:26.1234567Z', 123],
  ])('creation time %s keeps %i ms', (text, ms) => {
    const session = parseSession(xml(xmlSession({ ...FIELDS, CreationTimeUTC: text, EndTimeUTC: undefined })))
    expect(session.creationTime).toBe(Date.UTC(2025, 10, 3, 21, 0, 26, ms))
    expect(session.creationTimeText).toBe(text)
  })

  test.each(['2025-11-03T21:00:26.12345678Z', '2025-11-03T21:00:26+02:00', '', '03/11/2025'])(
    'an unreadable creation time %j is a parse error',
    (text) => {
      expect(() => parseSession(xml(xmlSession({ ...FIELDS, CreationTimeUTC: text })))).toThrow(
        /CreationTimeUTC/,
      )
    },
  )

  test('unknown State and Result values are kept raw', () => {
    const session = parseSession(
      xml(xmlSession({ ...FIELDS, State: 'Postponed', Result: 'Cancelled', EndTimeUTC: '' })),
    )
    expect(session).toMatchObject({ state: 'Postponed', result: 'Cancelled', endTime: null })
  })

  test('running session of §7: Working, None, sentinel, progress below 100', () => {
    const running = {
      ...FIELDS,
      EndTimeUTC: '1900-01-01T00:00:00Z',
      State: 'Working',
      Result: 'None',
      Progress: '42',
    }
    expect(parseSession(xml(xmlSession(running)))).toMatchObject({
      state: 'Working',
      result: 'None',
      endTime: null,
      progress: 42,
    })
  })

  test('numbers and booleans as strings are read in JSON too', () => {
    const session = parseSession(
      json(JSON.stringify(jsonSession({ ...TYPED_FIELDS, Progress: '7', IsRetry: 'True' }))),
    )
    expect(session).toMatchObject({ progress: 7, isRetry: true })
  })

  test.each([
    ['Progress', 'lots', /Progress/],
    ['IsRetry', 'maybe', /IsRetry/],
  ])('a bad %s value is a parse error naming it', (field, value, message) => {
    expect(() => parseSession(xml(xmlSession({ ...FIELDS, [field]: value })))).toThrow(message)
  })

  test('FailureMessage: text when present, null when absent, null or empty', () => {
    const failed = { ...TYPED_FIELDS, Result: 'Failed', FailureMessage: 'Disk full' }
    expect(parseSession(json(JSON.stringify(jsonSession(failed)))).failureMessage).toBe('Disk full')
    expect(parseSession(xml(xmlSession({ ...FIELDS, FailureMessage: 'Disk full' }))).failureMessage).toBe(
      'Disk full',
    )
    for (const none of [null, '']) {
      expect(
        parseSession(json(JSON.stringify(jsonSession({ ...TYPED_FIELDS, FailureMessage: none }))))
          .failureMessage,
      ).toBeNull()
    }
  })

  test('links with Name/Type null or absent read alike; no server link → null server', () => {
    const withNulls = jsonSession({ ...TYPED_FIELDS })
    withNulls.Links = [{ Rel: 'Down', Href: 'https://h/api/x', Name: null, Type: null }]
    const withoutKeys = jsonSession({ ...TYPED_FIELDS })
    withoutKeys.Links = [{ Rel: 'Down', Href: 'https://h/api/x' }]
    const a = parseSession(json(JSON.stringify(withNulls)))
    expect(parseSession(json(JSON.stringify(withoutKeys)))).toEqual(a)
    expect(a.links).toEqual([{ rel: 'Down', type: null, name: null, href: 'https://h/api/x' }])
    expect(a).toMatchObject({ backupServerName: null, backupServerUid: null })
  })

  test('a reference (EntityRef) is not taken for an entity', () => {
    expect(() => parseSession(xml(readSample('replicasession-reference.xml')))).toThrow(EmParseError)
  })
})

describe('parseSessions', () => {
  test('a /replicaSessions?format=Entity list with one item, in both formats', () => {
    const fromXml = parseSessions(xml(`<ReplicaJobSessions>${xmlSession(FIELDS)}</ReplicaJobSessions>`))
    const fromJson = parseSessions(json(JSON.stringify({ ReplicaJobSessions: [jsonSession(TYPED_FIELDS)] })))
    expect(fromXml).toHaveLength(1)
    expect(fromJson).toEqual(fromXml)
  })
})
