// Emulator output against the real Veeam payloads (src/test/fixtures/veeam-samples, read as data, not imported): same elements, attributes, nesting, order
// and link sets (values differ: other data, other host).
import { readFileSync } from 'node:fs'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { createStore } from '../data/store.ts'
import { type EmBody, type RenderOptions, render } from './render.ts'

const NOW = Date.UTC(2025, 10, 5, 12, 0, 0) * 1000
const BASE = 'https://enterprise.emulator.invalid:9398/api/'
const store = createStore({ seed: 11, sessions: 300, now: NOW })
const finished = store.sessions.filter((s) => s.result === 'Success')
const session = finished[0]
const [server] = store.servers
const job = store.jobs.find((j) => j.nextRun !== null)
if (session === undefined || server === undefined || job === undefined) throw new Error('no data')
const task = store.tasksOfSession(session.id)[0]
if (task === undefined) throw new Error('no task')
const logon = {
  sessionId: '15a3fc97-0325-4119-b789-5c0367c6c565',
  token: 't',
  userName: 'SRV12\\Administrator',
  lastUsed: 0,
}

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
const jsonOf = (body: EmBody): unknown => JSON.parse(render(body, options('json')).body.toString('utf8'))

// Printed doc examples write a raw `&` in Hrefs (not well-formed); a live server writes `&amp;`.
const sample = (file: string) =>
  readFileSync(new URL(`../../src/test/fixtures/veeam-samples/${file}`, import.meta.url), 'utf8').replace(
    /&(?!amp;)/g,
    '&amp;',
  )
const sampleJson = (file: string): unknown => JSON.parse(sample(file).replaceAll('&amp;', '&'))

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', removeNSPrefix: true })
const ordered = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  preserveOrder: true,
})

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
function dig(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (Array.isArray(node) ? node[Number(key)] : isRecord(node) ? node[key] : undefined),
    value,
  )
}
const asList = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value]

/** One line per element in document order: depth, name, sorted attribute names; links add Rel and Type. */
function outline(xml: string): string[] {
  expect(XMLValidator.validate(xml)).toBe(true)
  const lines: string[] = []
  const walk = (nodes: unknown, depth: number) => {
    for (const node of asList(nodes)) {
      if (!isRecord(node)) continue
      const attributes = isRecord(node[':@']) ? node[':@'] : {}
      for (const [name, children] of Object.entries(node)) {
        if (name === ':@' || name === '#text' || name.startsWith('?')) continue
        const keys = Object.keys(attributes)
          .filter((key) => !key.startsWith('xmlns'))
          .sort()
        const link = name === 'Link' ? ` ${String(attributes.Rel)} ${String(attributes.Type ?? '-')}` : ''
        lines.push(`${'.'.repeat(depth)}${name}(${keys.join(',')})${link}`)
        walk(children, depth + 1)
      }
    }
  }
  walk(ordered.parse(xml), 0)
  return lines
}

/** Every Href with its host part and GUIDs neutralised, in document order. */
function hrefs(xml: string): string[] {
  return [...xml.matchAll(/Href="([^"]*)"/g)].map((match) =>
    (match[1] ?? '')
      .replace(/^https?:\/\/[^/]+\/api\//, '/api/')
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}'),
  )
}

function insertAfter(lines: string[], after: string, line: string): string[] {
  const at = lines.findIndex((l) => l.endsWith(after))
  expect(at).toBeGreaterThanOrEqual(0)
  return [...lines.slice(0, at + 1), line, ...lines.slice(at + 1)]
}

describe('XML against the samples', () => {
  it('ReplicaJobSession entity (replicasession-entity.xml), doc spelling of the Down link', () => {
    const ours = xmlOf(
      { kind: 'entity', data: { type: 'ReplicaJobSession', item: session } },
      { taskPathSpelling: 'repicaTaskSessions' },
    )
    const theirs = sample('replicasession-entity.xml')
    expect(outline(ours)).toEqual(outline(theirs))
    expect(hrefs(ours)).toEqual(hrefs(theirs))
  })

  it('ReplicaJobSession reference (replicasession-reference.xml)', () => {
    const ours = xmlOf(
      { kind: 'ref', data: { type: 'ReplicaJobSession', item: session } },
      { taskPathSpelling: 'repicaTaskSessions' },
    )
    const theirs = sample('replicasession-reference.xml')
    expect(outline(ours)).toEqual(outline(theirs))
    expect(hrefs(ours)).toEqual(hrefs(theirs))
  })

  it('EntityReferences of sessions (replicasessions-references.xml)', () => {
    const data = { type: 'ReplicaJobSession' as const, items: finished.slice(0, 2) }
    const ours = xmlOf({ kind: 'refList', data }, { taskPathSpelling: 'repicaTaskSessions' })
    const theirs = sample('replicasessions-references.xml')
    expect(outline(ours)).toEqual(outline(theirs))
    expect(hrefs(ours)).toEqual(hrefs(theirs))
  })

  it('ReplicaTaskSessions collection (replicasession-replicatasksessions-entities.xml)', () => {
    const ours = xmlOf({ kind: 'entityList', data: { type: 'ReplicaTaskSession', items: [task] } })
    const theirs = sample('replicasession-replicatasksessions-entities.xml')
    expect(outline(ours)).toEqual(outline(theirs))
    expect(hrefs(ours)).toEqual(hrefs(theirs))
    expect(ours.split('\n', 2)[1]).toContain('xmlns:xsd="http://www.w3.org/2001/XMLSchema"')
  })

  it('BackupServer entity (backupserver-entity.xml) plus the VBR 12+ fields and link of em-api.md §6.3', () => {
    const ours = xmlOf({ kind: 'entity', data: { type: 'BackupServer', item: server } })
    let expected = insertAfter(
      outline(sample('backupserver-entity.xml')),
      'Down RepositoryReferenceList',
      '..Link(Href,Rel,Type) Down ExternalRepositoryReferenceList',
    )
    expected = [...expected, '.WcfPort()', '.VbrCertificateThumbprint()']
    expect(outline(ours)).toEqual(expected)
    expect(dig(parser.parse(ours), 'BackupServer', 'Port')).toBe(9392)
  })

  it('LogonSession with the full link list (logonsession.xml)', () => {
    const ours = xmlOf({ kind: 'logonSession', session: logon })
    const theirs = sample('logonsession.xml')
    expect(outline(ours)).toEqual(outline(theirs))
    expect(hrefs(ours)).toEqual(hrefs(theirs))
    expect(ours).toContain(`Href="${BASE}logonSessions/${logon.sessionId}"`)
    expect(dig(parser.parse(ours), 'LogonSession', 'UserName')).toBe('SRV12\\Administrator')
  })

  it('EnterpriseManager root (enterprisemanager-root.xml)', () => {
    const ours = xmlOf({ kind: 'root' })
    const theirs = sample('enterprisemanager-root.xml')
    expect(outline(ours)).toEqual(outline(theirs))
    expect(hrefs(ours)).toEqual(hrefs(theirs))
  })

  it('QueryResult Entities layout (query-backupjobsession-entities.xml)', () => {
    const paging = {
      pageNum: 1,
      pageSize: 100,
      pagesCount: 1,
      links: [
        { rel: 'First' as const, href: `${BASE}query?a=1&b=2` },
        { rel: 'Last' as const, href: `${BASE}query?a=1&b=2` },
      ],
    }
    const ours = xmlOf({
      kind: 'queryResult',
      format: 'Entities',
      paging,
      data: { type: 'ReplicaJobSession', items: finished.slice(0, 2) },
    })
    const theirs = outline(sample('query-backupjobsession-entities.xml'))
    const generic = (lines: string[]) =>
      lines
        .map((line) =>
          line
            .replace(/BackupJobSession/g, 'ReplicaJobSession')
            .replace(/BackupTaskSession/g, 'ReplicaTaskSession'),
        )
        // The backup session's Stop link has no replica counterpart (§6.1 lists exactly four links).
        .filter((line) => !line.endsWith(' Stop -'))
    expect(outline(ours)).toEqual(generic(theirs))
    expect(dig(parser.parse(ours), 'QueryResult', 'PagingInfo', 'Links', 'Link', '0', 'Href')).toBe(
      `${BASE}query?a=1&b=2`,
    )
  })

  it('QueryResult References layout (query-backupserver-refs-paged.xml) with the newer server link set', () => {
    const paging = {
      pageNum: 1,
      pageSize: 1,
      pagesCount: 2,
      links: (['First', 'Next', 'Last'] as const).map((rel, i) => ({
        rel,
        href: `${BASE}query?type=backupServer&pageSize=1&page=${i === 0 ? 1 : 2}`,
      })),
    }
    const ours = xmlOf({
      kind: 'queryResult',
      format: 'References',
      paging,
      data: { type: 'BackupServer', items: [server] },
    })
    const theirs = sample('query-backupserver-refs-paged.xml')
    const expected = insertAfter(
      outline(theirs),
      'Down RepositoryReferenceList',
      '....Link(Href,Rel,Type) Down ExternalRepositoryReferenceList',
    )
    expect(outline(ours)).toEqual(expected)
    expect(hrefs(ours).filter((h) => h.startsWith('/api/query'))).toEqual(
      hrefs(theirs).filter((h) => h.startsWith('/api/query')),
    )
    expect(ours).toContain('type=backupServer&amp;pageSize=1&amp;page=2')
  })
})

function keys(value: unknown): string[] {
  return isRecord(value) ? Object.keys(value) : []
}
function linkPairs(links: unknown): string[] {
  return asList(links).map((link) => `${String(dig(link, 'Rel'))} ${String(dig(link, 'Type') ?? null)}`)
}
function expectEmLinks(links: unknown): void {
  for (const link of asList(links)) expect(keys(link)).toEqual(['Rel', 'Href', 'Name', 'Type'])
}

describe('JSON against the samples', () => {
  it('BackupServerReference key layout and links (backupserver-reference.json)', () => {
    const ours = jsonOf({ kind: 'ref', data: { type: 'BackupServer', item: server } })
    const theirs = sampleJson('backupserver-reference.json')
    expect(keys(ours)).toEqual(keys(theirs))
    expect(linkPairs(dig(ours, 'Links'))).toEqual(linkPairs(dig(theirs, 'Links')))
    expectEmLinks(dig(ours, 'Links'))
    expect(dig(ours, 'Links', '5', 'Name')).toBe(server.name)
    expect(dig(ours, 'Links', '0', 'Name')).toBeNull()
  })

  it('a reference collection is {"Refs":[…]} (entityreferences-cloudtenants.json)', () => {
    const ours = jsonOf({ kind: 'refList', data: { type: 'Job', items: store.jobs.slice(0, 3) } })
    const theirs = sampleJson('entityreferences-cloudtenants.json')
    expect(keys(ours)).toEqual(['Refs'])
    const [item] = asList(dig(ours, 'Refs'))
    expect(keys(item)).toEqual(keys(asList(dig(theirs, 'Refs'))[0]))
    expect(linkPairs(dig(item, 'Links'))).toEqual(['Up BackupServerReference', 'Alternate Job'])
  })

  it('QueryResult wrapper as EM 12/13 sends it (query-backupjobsession-entities.json, em-api.md §5)', () => {
    const paging = {
      pageNum: 1,
      pageSize: 100,
      pagesCount: 1,
      links: [
        { rel: 'First' as const, href: `${BASE}q` },
        { rel: 'Last' as const, href: `${BASE}q` },
      ],
    }
    const ours = jsonOf({
      kind: 'queryResult',
      format: 'Entities',
      paging,
      data: { type: 'ReplicaJobSession', items: finished.slice(0, 2) },
    })
    const theirs = sampleJson('query-backupjobsession-entities.json')
    expect(keys(ours)).toEqual(['Refs', 'Entities', 'Resources', 'Links', 'PagingInfo'])
    expect([dig(ours, 'Refs'), dig(ours, 'Resources'), dig(ours, 'Links')]).toEqual([null, null, null])
    const entities = dig(ours, 'Entities')
    expect(keys(entities).length).toBeGreaterThanOrEqual(20)
    expect(keys(entities)).toEqual(
      expect.arrayContaining([
        'Jobs',
        'BackupJobSessions',
        'BackupTaskSessions',
        'ReplicaTaskSessions',
        'BackupServers',
        'Repositories',
        'RestorePoints',
        'VmRestorePoints',
      ]),
    )
    for (const key of keys(entities)) if (key !== 'ReplicaJobSessions') expect(dig(entities, key)).toBeNull()
    const items = asList(dig(entities, 'ReplicaJobSessions', 'ReplicaJobSessions'))
    expect(items).toHaveLength(2)
    const sampleItem = asList(dig(theirs, 'Entities', 'BackupJobSessions', 'BackupJobSessions'))[0]
    const expected = keys(sampleItem)
    expected.splice(expected.indexOf('Progress') + 1, 0, 'FailureMessage')
    expect(keys(items[0])).toEqual(expected)
    expect(dig(items[0], 'FailureMessage')).toBeNull()
    expect(typeof dig(items[0], 'Progress')).toBe('number')
    expect(typeof dig(items[0], 'IsRetry')).toBe('boolean')
    expectEmLinks(dig(items[0], 'Links'))
    expect(keys(dig(ours, 'PagingInfo'))).toEqual(keys(dig(theirs, 'PagingInfo')))
    expect(linkPairs(dig(ours, 'PagingInfo', 'Links'))).toEqual(['First null', 'Last null'])
  })
})

// The ```json blocks of em-api.md that are complete JSON (others abbreviate with "…").
const apiReference = readFileSync(new URL('../../src/test/fixtures/em-api.md', import.meta.url), 'utf8')
const docBlocks = [...apiReference.matchAll(/```json\n([\s\S]*?)```/g)].flatMap((match) => {
  try {
    const parsed: unknown = JSON.parse(match[1] ?? '')
    return [parsed]
  } catch {
    return []
  }
})
const docBlock = (first: string) => {
  const block = docBlocks.find((b) => keys(b)[0] === first)
  expect(block).toBeDefined()
  return block
}

describe('JSON against the em-api.md examples', () => {
  it('finds the complete examples', () => {
    expect(docBlocks.length).toBeGreaterThanOrEqual(6)
  })

  it('LogonSession (§3)', () => {
    expect(keys(jsonOf({ kind: 'logonSession', session: logon }))).toEqual(keys(docBlock('UserName')))
  })

  it('QueryResult Entities page (§5): the doc’s keys in the doc’s order, plus the capture’s', () => {
    const doc = docBlock('Entities')
    const paging = { pageNum: 2, pageSize: 1, pagesCount: 2, links: [] }
    const ours = jsonOf({
      kind: 'queryResult',
      format: 'Entities',
      paging,
      data: { type: 'ReplicaJobSession', items: [session] },
    })
    expect(keys(ours).filter((key) => keys(doc).includes(key))).toEqual(keys(doc))
    const docItem = asList(dig(doc, 'Entities', 'ReplicaJobSessions', 'ReplicaJobSessions'))[0]
    const ourItem = asList(dig(ours, 'Entities', 'ReplicaJobSessions', 'ReplicaJobSessions'))[0]
    expect(keys(ourItem).filter((key) => key !== 'FailureMessage')).toEqual(keys(docItem))
    expect(linkPairs(dig(ourItem, 'Links'))).toEqual(linkPairs(dig(docItem, 'Links')))
    expect(keys(dig(ours, 'PagingInfo'))).toEqual(keys(dig(doc, 'PagingInfo')))
  })

  it('ReplicaTaskSessions (§6.2)', () => {
    const doc = docBlock('ReplicaTaskSessions')
    const ours = jsonOf({ kind: 'entityList', data: { type: 'ReplicaTaskSession', items: [task] } })
    expect(keys(ours)).toEqual(['ReplicaTaskSessions'])
    const docItem = asList(dig(doc, 'ReplicaTaskSessions'))[0]
    const ourItem = asList(dig(ours, 'ReplicaTaskSessions'))[0]
    expect(keys(ourItem)).toEqual(keys(docItem))
    expect(linkPairs(dig(ourItem, 'Links'))).toEqual(linkPairs(dig(docItem, 'Links')))
    expect(typeof dig(ourItem, 'TotalSize')).toBe('number')
  })

  it('BackupServer (§6.3) and Job (§6.4), Links abridged in the doc', () => {
    const serverJson = jsonOf({ kind: 'entity', data: { type: 'BackupServer', item: server } })
    const docServer = docBlocks.find((b) => keys(b).includes('WcfPort'))
    expect(keys(serverJson)).toEqual(keys(docServer))
    const jobJson = jsonOf({ kind: 'entity', data: { type: 'Job', item: job } })
    const docJob = docBlock('JobType')
    expect(keys(jobJson)).toEqual(keys(docJob))
    expect(dig(jobJson, 'JobScheduleOptions')).toEqual({})
    expect(linkPairs(dig(jobJson, 'Links')).slice(0, 2)).toEqual(linkPairs(dig(docJob, 'Links')))
  })

  it("Error (§16, §17.4): the captured body's five keys in its order, nulls included", () => {
    const captured = /body `(\{"FirstChanceExceptionMessage"[^`]*\})`/.exec(apiReference)?.[1]
    const doc: unknown = JSON.parse(captured ?? 'null')
    const ours = jsonOf({ kind: 'error', status: 400, message: 'x' })
    expect(keys(ours)).toEqual(keys(doc))
    expect(ours).toEqual({
      FirstChanceExceptionMessage: null,
      Message: 'x',
      StackTrace: null,
      Status: null,
      StatusCode: 400,
    })
    const fault = jsonOf({
      kind: 'error',
      status: 500,
      message: 'Internal server error: boom',
      firstChance: 'boom',
    })
    expect(fault).toMatchObject({ FirstChanceExceptionMessage: 'boom', StatusCode: 500 })
  })
})
