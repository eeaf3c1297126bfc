import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import type { ReplicaSessionRecord } from '../data/records.ts'
import { createStore } from '../data/store.ts'
import type { EndTimeMode } from '../query/query-source.ts'
import { dateTimeText } from './date-time.ts'
import { type EmBody, type RenderOptions, render } from './render.ts'
import { escapeAttribute, escapeText } from './xml-writer.ts'

const NOW = Date.UTC(2025, 10, 5, 12, 0, 0) * 1000
const BASE = 'https://enterprise.emulator.invalid:9398/api/'
const store = createStore({ seed: 21, sessions: 300, now: NOW })
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true })

function pick(test: (session: ReplicaSessionRecord) => boolean): ReplicaSessionRecord {
  const found = store.sessions.find(test)
  if (found === undefined) throw new Error('no such session in the data set')
  return found
}
const runningSession = pick((s) => s.state !== 'Stopped')
const failedSession = pick((s) => s.result === 'Failed')
const successSession = pick((s) => s.result === 'Success')

const options = (format: 'xml' | 'json', extra: Partial<RenderOptions> = {}): RenderOptions => ({
  format,
  publicUrl: BASE,
  endTimeMode: 'sentinel',
  taskPathSpelling: 'replicaTaskSessions',
  bom: false,
  lookup: store,
  ...extra,
})
const xmlOf = (body: EmBody, extra?: Partial<RenderOptions>) =>
  render(body, options('xml', extra)).body.toString('utf8')
function jsonOf(body: EmBody, extra?: Partial<RenderOptions>): Record<string, unknown> {
  const parsed: unknown = JSON.parse(render(body, options('json', extra)).body.toString('utf8'))
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object')
  return { ...parsed }
}
function parsedXml(xml: string): Record<string, unknown> {
  expect(XMLValidator.validate(xml)).toBe(true)
  const parsed: unknown = parser.parse(xml)
  if (typeof parsed !== 'object' || parsed === null) throw new Error('not XML')
  return { ...parsed }
}
const entity = (item: ReplicaSessionRecord): EmBody => ({
  kind: 'entity',
  data: { type: 'ReplicaJobSession', item },
})

describe('bytes and headers', () => {
  it('answers XML with the declaration and namespaces, never a BOM', () => {
    const rendered = render({ kind: 'root' }, options('xml', { bom: true }))
    expect(rendered.contentType).toBe('application/xml')
    const text = rendered.body.toString('utf8')
    expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<EnterpriseManager xmlns:xsd=')).toBe(
      true,
    )
    expect(text).toContain(
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://www.veeam.com/ent/v1.0"',
    )
  })

  it('prefixes JSON with EF BB BF only when asked', () => {
    const plain = render({ kind: 'root' }, options('json'))
    const marked = render({ kind: 'root' }, options('json', { bom: true }))
    expect(plain.contentType).toBe('application/json')
    expect(plain.body[0]).toBe(0x7b)
    expect([...marked.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(marked.body.subarray(3)).toEqual(plain.body)
  })

  it('builds every Href on the public URL, adding a missing slash', () => {
    const text = xmlOf(entity(successSession), { publicUrl: 'https://em.example.test:9398/api' })
    const hrefs = [...text.matchAll(/Href="([^"]*)"/g)].map((match) => match[1])
    expect(hrefs.length).toBe(5)
    for (const href of hrefs) expect(href?.startsWith('https://em.example.test:9398/api/')).toBe(true)
  })
})

describe('escaping', () => {
  const hostile = `<script>alert("x&y")</script> 'q' 😀 مرحبا \u200fעברית\u200f &amp; done`

  it('round-trips hostile text in attributes and elements', () => {
    const session = { ...successSession, jobName: hostile, name: `${hostile}@2025-11-05 10:00:00` }
    const text = xmlOf(entity(session))
    expect(text).not.toContain('<script>')
    expect(text).toContain('&lt;script&gt;alert(&quot;x&amp;y&quot;)')
    const parsed = parsedXml(text)
    const node = parsed.ReplicaJobSession
    expect(node).toMatchObject({ Name: session.name, JobName: hostile })
    expect(jsonOf(entity(session))).toMatchObject({ Name: session.name, JobName: hostile })
  })

  it('keeps what XML can carry and replaces what it cannot', () => {
    expect(escapeAttribute('a&<>"b')).toBe('a&amp;&lt;&gt;&quot;b')
    expect(escapeAttribute('tab\there\nline\rcr')).toBe('tab&#9;here&#10;line&#13;cr')
    expect(escapeText('tab\there\nline\rcr')).toBe('tab\there\nline&#13;cr')
    expect(escapeText('nul\u0000bell\u0007 del\u007f')).toBe('nul\uFFFDbell\uFFFD del&#127;')
    expect(escapeText('lone \ud800 pair 😀 \uffff')).toBe('lone \uFFFD pair 😀 \uFFFD')
    expect(escapeText('plain text')).toBe('plain text')
  })
})

describe('date-times', () => {
  it('writes microseconds without trailing zeros and no dot for whole seconds', () => {
    const base = Date.UTC(2025, 7, 15, 20, 0, 24) * 1000
    expect(dateTimeText(base)).toBe('2025-08-15T20:00:24Z')
    expect(dateTimeText(base + 3406)).toBe('2025-08-15T20:00:24.003406Z')
    expect(dateTimeText(base + 220_000)).toBe('2025-08-15T20:00:24.22Z')
    expect(dateTimeText(base + 999_999)).toBe('2025-08-15T20:00:24.999999Z')
  })

  it('agrees with Date on the whole calendar', () => {
    for (let i = 0; i < 2000; i++) {
      const time = Math.floor(((i * 7919) % 2000) * 1.6e13 + i * 123_457)
      const iso = new Date(Math.floor(time / 1000)).toISOString().slice(0, 19)
      const fraction = String(time % 1_000_000)
        .padStart(6, '0')
        .replace(/0+$/, '')
      expect(dateTimeText(time)).toBe(fraction === '' ? `${iso}Z` : `${iso}.${fraction}Z`)
    }
  })
})

describe('running sessions', () => {
  const task = store.tasksOfSession(runningSession.id).find((t) => t.endTime === null)
  if (task === undefined) throw new Error('no running task')
  const taskBody: EmBody = { kind: 'entity', data: { type: 'ReplicaTaskSession', item: task } }
  const cases: [EndTimeMode, string | undefined, unknown][] = [
    ['sentinel', '<EndTimeUTC>1900-01-01T00:00:00Z</EndTimeUTC>', '1900-01-01T00:00:00Z'],
    ['empty', '<EndTimeUTC />', null],
    ['absent', undefined, undefined],
  ]

  it.each(cases)('writes EndTimeUTC in %s mode', (endTimeMode, xmlLine, jsonValue) => {
    for (const body of [entity(runningSession), taskBody]) {
      const text = xmlOf(body, { endTimeMode })
      if (xmlLine === undefined) expect(text).not.toContain('EndTimeUTC')
      else expect(text).toContain(xmlLine)
      const json = jsonOf(body, { endTimeMode })
      expect('EndTimeUTC' in json).toBe(jsonValue !== undefined)
      expect(json.EndTimeUTC).toBe(jsonValue)
    }
  })

  it('leaves a finished session’s end alone in every mode', () => {
    for (const endTimeMode of ['sentinel', 'empty', 'absent'] as const) {
      expect(jsonOf(entity(successSession), { endTimeMode }).EndTimeUTC).toBe(
        dateTimeText(successSession.endTime ?? 0),
      )
    }
  })
})

describe('session specifics', () => {
  it.each(['replicaTaskSessions', 'repicaTaskSessions'] as const)(
    'spells the Down link %s',
    (taskPathSpelling) => {
      const href = `${BASE}replicaSessions/${successSession.id}/${taskPathSpelling}`
      expect(xmlOf(entity(successSession), { taskPathSpelling })).toContain(
        `<Link Href="${href}" Type="ReplicaTaskSessionReferenceList" Rel="Down" />`,
      )
      const ref = jsonOf(
        { kind: 'ref', data: { type: 'ReplicaJobSession', item: successSession } },
        { taskPathSpelling },
      )
      expect(JSON.stringify(ref.Links)).toContain(`"Href":"${href}"`)
    },
  )

  it('writes FailureMessage after IsRetry in XML and after Progress in JSON, null when none', () => {
    const text = xmlOf(entity(failedSession))
    expect(text).toMatch(
      /<IsRetry>(true|false)<\/IsRetry>\n {2}<FailureMessage>Error: \d+ of \d+ VMs failed to process<\/FailureMessage>\n<\/ReplicaJobSession>/,
    )
    expect(xmlOf(entity(successSession))).not.toContain('FailureMessage')
    const failed = jsonOf(entity(failedSession))
    expect(Object.keys(failed).slice(8, 10)).toEqual(['Progress', 'FailureMessage'])
    expect(failed.FailureMessage).toBe(failedSession.failureMessage)
    expect(jsonOf(entity(successSession)).FailureMessage).toBeNull()
  })

  it('writes Reason as an empty element and "" when a task has none', () => {
    const task = store.tasksOfSession(successSession.id)[0]
    if (task === undefined) throw new Error('no task')
    const body: EmBody = { kind: 'entity', data: { type: 'ReplicaTaskSession', item: task } }
    expect(xmlOf(body)).toContain('<Reason />')
    expect(jsonOf(body).Reason).toBe('')
  })
})

describe('other bodies', () => {
  const paging = { pageNum: 1, pageSize: 100, pagesCount: 1, links: [] }

  it('answers an empty query type with an empty collection', () => {
    const body: EmBody = {
      kind: 'emptyQueryResult',
      collectionKey: 'BackupJobSessions',
      format: 'Entities',
      paging,
    }
    expect(xmlOf(body)).toContain('<Entities>\n    <BackupJobSessions />\n  </Entities>')
    expect(jsonOf(body).Entities).toMatchObject({
      BackupJobSessions: { BackupJobSessions: [] },
      ReplicaJobSessions: null,
    })
    const refs: EmBody = {
      kind: 'emptyQueryResult',
      collectionKey: 'Repositories',
      format: 'References',
      paging,
    }
    expect(xmlOf(refs)).toContain('<Refs />')
    expect(jsonOf(refs)).toMatchObject({ Refs: { Refs: [] }, Entities: null })
  })

  it('writes the Error body as EM does (§16): Message and StatusCode attributes, the fault as a child', () => {
    const text = xmlOf({ kind: 'error', status: 404, message: 'Job "x" & <y> not found' })
    expect(parsedXml(text).Error).toEqual({ StatusCode: '404', Message: 'Job "x" & <y> not found' })
    expect(text).toMatch(/^<\?xml[^>]*\?>\n<Error Message="[^"]*" StatusCode="404" xmlns/)
    const fault = xmlOf({
      kind: 'error',
      status: 500,
      message: 'Internal server error: a<b',
      firstChance: 'a<b',
    })
    expect(parsedXml(fault).Error).toEqual({
      Message: 'Internal server error: a<b',
      StatusCode: '500',
      FirstChanceExceptionMessage: 'a<b',
    })
  })

  it('links QuerySvc up to the caller’s logon session when known', () => {
    expect(xmlOf({ kind: 'querySvc', logonSessionId: 'abc' })).toContain(
      `<Link Href="${BASE}logonSessions/abc" Type="LogonSession" Rel="Up" />`,
    )
    const json = jsonOf({ kind: 'querySvc' })
    expect(JSON.stringify(json.Links)).not.toContain('"Up"')
    expect(JSON.stringify(json.Links)).toContain(
      'type=ReplicaJobSession&format=Entities&sortAsc=name&pageSize=15&page=1',
    )
  })

  it('lists logon sessions', () => {
    const session = { sessionId: 'abc', token: 't', userName: 'CORP\\ops', lastUsed: 0 }
    expect(jsonOf({ kind: 'logonSessions', sessions: [session] })).toMatchObject({
      LogonSessions: [{ SessionId: 'abc', UserName: 'CORP\\ops' }],
    })
    expect(parsedXml(xmlOf({ kind: 'logonSessions', sessions: [session] })).LogonSessions).toMatchObject({
      LogonSession: { SessionId: 'abc' },
    })
  })

  // Correctness on a big page, not speed (that is the bench's): generating and validating 10,000 entities took 6 s
  // on a loaded 2-core machine, past Vitest's 5 s default.
  it('serializes a 10,000-entity page to well-formed XML and valid JSON', { timeout: 60_000 }, () => {
    const big = createStore({ seed: 2, sessions: 10_500, now: NOW })
    const data = { type: 'ReplicaJobSession' as const, items: big.sessions.slice(0, 10_000) }
    const body: EmBody = { kind: 'queryResult', format: 'Entities', paging, data }
    const text = render(body, options('xml', { lookup: big })).body.toString('utf8')
    expect(XMLValidator.validate(text)).toBe(true)
    expect(text.split('<ReplicaJobSession ').length - 1).toBe(10_000)
    const json = render(body, options('json', { lookup: big })).body.toString('utf8')
    expect(json.split('"Type":"ReplicaJobSession"').length - 1).toBe(10_000)
  })
})
