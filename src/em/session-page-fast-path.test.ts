// The quick page reader against the schema it stands in for: on every page it accepts it gives exactly the schema's
// result, and every page it declines still gets the schema's result or error through parseSessionsPage.
import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { emulatorAnswers } from '@/test/emulator-answers.ts'
import { readSample } from '@/test/samples.ts'
import { decodeBody } from './decode-body.ts'
import { parseSessionsPage, parseSessionsPageBySchema } from './parse-session.ts'
import { sessionsPageQuickly } from './session-page-fast-path.ts'

type Format = 'xml' | 'json'
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

function outcome(parse: (doc: unknown) => unknown, doc: unknown): { value: unknown } | { error: string } {
  try {
    return { value: parse(doc) }
  } catch (error) {
    return { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }
  }
}

/** Whether the quick reader took the page; either way, the page's outcome is the schema's. */
function expectSameAsSchema(doc: unknown): boolean {
  const bySchema = outcome(parseSessionsPageBySchema, doc)
  const quick = sessionsPageQuickly(structuredClone(doc))
  if (quick !== null) expect({ value: quick }).toStrictEqual(bySchema)
  expect(outcome(parseSessionsPage, doc)).toStrictEqual(bySchema)
  return quick !== null
}

describe('pages the quick reader takes, and gives exactly what the schema gives', () => {
  const em = emulatorAnswers({ sessions: 400 })
  const pages: [string, Format, () => string][] = [
    ...(['xml', 'json'] as const).flatMap((format): [string, Format, () => string][] => [
      [`fixture query-replica-entities.${format}`, format, () => fixture(`query-replica-entities.${format}`)],
      // The v13 and 9.5-era samples of a session page, as parse-session.test.ts reads them.
      [
        `sample query-backupjobsession-entities.${format}`,
        format,
        () =>
          readSample(`query-backupjobsession-entities.${format}`).replaceAll(
            'BackupJobSession',
            'ReplicaJobSession',
          ),
      ],
      ...[1, 2, 100, 400].map((size): [string, Format, () => string] => [
        `the emulator's page of ${size}`,
        format,
        () => em.get(`/api/query?type=ReplicaJobSession&format=Entities&pageSize=${size}`, format),
      ]),
      [
        "the emulator's running sessions",
        format,
        () => em.get('/api/query?type=ReplicaJobSession&format=Entities&filter=State==Working', format),
      ],
    ]),
  ]
  test.each(pages)('%s (%s)', (_name, format, body) => {
    const doc = decodeBody(body(), format)
    expect(expectSameAsSchema(doc)).toBe(true)
  })

  test('an empty result (no session matches) in both formats', () => {
    for (const format of ['xml', 'json'] as const) {
      const body = em.get(
        '/api/query?type=ReplicaJobSession&format=Entities&filter=JobName==%22no%20such%20job%22',
        format,
      )
      const doc = decodeBody(body, format)
      expect(expectSameAsSchema(doc)).toBe(true)
      expect(parseSessionsPage(doc).items).toEqual([])
    }
  })
})

// A change to the first session (or the page) of a real page: [what, change]. The change gets a fresh copy.
// biome-ignore lint/suspicious/noExplicitAny: the mutations reach into decoded documents of either format by path
type Doc = Record<string, any>
const firstSession = (doc: Doc, format: Format): Doc => {
  const sessions = (doc.QueryResult ?? doc).Entities.ReplicaJobSessions
  return format === 'xml' ? sessions.ReplicaJobSession[0] : sessions.ReplicaJobSessions[0]
}
const MUTATIONS: [string, (doc: Doc, format: Format) => void][] = [
  ['UID missing', (d, f) => delete firstSession(d, f).UID],
  ['Name a number', (d, f) => (firstSession(d, f).Name = 7)],
  ['JobName null', (d, f) => (firstSession(d, f).JobName = null)],
  ['CreationTimeUTC not a date', (d, f) => (firstSession(d, f).CreationTimeUTC = '2025-02-30T10:00:00Z')],
  [
    'CreationTimeUTC with 7 fraction digits',
    (d, f) => (firstSession(d, f).CreationTimeUTC = '2025-02-03T10:00:00.1234567Z'),
  ],
  ['EndTimeUTC the 1900 sentinel', (d, f) => (firstSession(d, f).EndTimeUTC = '1900-01-01T00:00:00Z')],
  ['EndTimeUTC empty', (d, f) => (firstSession(d, f).EndTimeUTC = '')],
  ['EndTimeUTC absent', (d, f) => delete firstSession(d, f).EndTimeUTC],
  ['EndTimeUTC a number', (d, f) => (firstSession(d, f).EndTimeUTC = 5)],
  ['EndTimeUTC before the start', (d, f) => (firstSession(d, f).EndTimeUTC = '2000-01-01T00:00:00Z')],
  ['Progress as text with spaces', (d, f) => (firstSession(d, f).Progress = ' 5 ')],
  ['Progress a fraction', (d, f) => (firstSession(d, f).Progress = 5.5)],
  ['Progress past a safe integer', (d, f) => (firstSession(d, f).Progress = '99999999999999999999')],
  ['Progress not a number', (d, f) => (firstSession(d, f).Progress = 'half')],
  ['IsRetry TRUE', (d, f) => (firstSession(d, f).IsRetry = 'TRUE')],
  ['IsRetry yes', (d, f) => (firstSession(d, f).IsRetry = 'yes')],
  ['IsRetry 1', (d, f) => (firstSession(d, f).IsRetry = 1)],
  ['FailureMessage empty', (d, f) => (firstSession(d, f).FailureMessage = '')],
  ['FailureMessage absent', (d, f) => delete firstSession(d, f).FailureMessage],
  ['FailureMessage an object', (d, f) => (firstSession(d, f).FailureMessage = { text: 'x' })],
  ['an unknown member', (d, f) => (firstSession(d, f).Extra = 'kept out')],
  ['Links empty', (d, f) => (firstSession(d, f).Links = f === 'xml' ? '' : [])],
  ['Links absent', (d, f) => delete firstSession(d, f).Links],
  [
    'a link without Href',
    (d, f) => {
      const links = firstSession(d, f).Links
      delete (f === 'xml' ? links.Link[0] : links[0]).Href
    },
  ],
  [
    'a link Name null',
    (d, f) => {
      const links = firstSession(d, f).Links
      ;(f === 'xml' ? links.Link[0] : links[0]).Name = null
    },
  ],
  [
    'links a single object, not a list',
    (d, f) => {
      const session = firstSession(d, f)
      session.Links = f === 'xml' ? { Link: session.Links.Link[0] } : session.Links[0]
    },
  ],
  [
    'a session that is a list',
    (d, f) => {
      const sessions = (d.QueryResult ?? d).Entities.ReplicaJobSessions
      ;(f === 'xml' ? sessions.ReplicaJobSession : sessions.ReplicaJobSessions)[0] = ['x']
    },
  ],
  [
    'sessions a single object',
    (d, f) => {
      const sessions = (d.QueryResult ?? d).Entities.ReplicaJobSessions
      const key = f === 'xml' ? 'ReplicaJobSession' : 'ReplicaJobSessions'
      sessions[key] = sessions[key][0]
    },
  ],
  ['the collection missing from Entities', (d) => ((d.QueryResult ?? d).Entities = { Jobs: null })],
  ['Entities empty', (d) => ((d.QueryResult ?? d).Entities = '')],
  ['PagingInfo missing', (d) => delete (d.QueryResult ?? d).PagingInfo],
  ['PageNum as text in JSON', (d) => ((d.QueryResult ?? d).PagingInfo.PageNum = '2')],
  ['PagesCount negative', (d) => ((d.QueryResult ?? d).PagingInfo.PagesCount = -1)],
  ['a second root member', (d) => (d.Other = 1)],
]

describe('changed pages: taken and equal, or left to the schema with its result or its message', () => {
  const em = emulatorAnswers({ sessions: 60 })
  const body = (format: Format) =>
    em.get('/api/query?type=ReplicaJobSession&format=Entities&pageSize=5', format)
  const taken: Record<Format, string[]> = { xml: [], json: [] }
  for (const format of ['xml', 'json'] as const) {
    test.each(MUTATIONS)(`${format}: %s`, (what, change) => {
      const doc = decodeBody(body(format), format) as Doc
      change(doc, format)
      if (expectSameAsSchema(doc)) taken[format].push(what)
    })
  }

  test('the quick reader takes what it knows and declines what only the schema can judge', () => {
    for (const format of ['xml', 'json'] as const) {
      expect(taken[format]).toEqual(
        expect.arrayContaining([
          'EndTimeUTC the 1900 sentinel',
          'IsRetry TRUE',
          'an unknown member',
          'Links absent',
        ]),
      )
      expect(taken[format]).not.toContain('UID missing')
      expect(taken[format]).not.toContain('CreationTimeUTC not a date')
      expect(taken[format]).not.toContain('Progress past a safe integer')
    }
  })
})
