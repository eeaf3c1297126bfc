import { describe, expect, test } from 'vitest'
import { readSample } from '@/test/samples.ts'
import { EmParseError } from './errors.ts'
import { parseXml } from './xml.ts'

// Three Veeam doc pages print a raw `&` inside Href; a live server writes `&amp;` (samples/README.md).
function wellFormed(text: string): string {
  return text.replace(/&(?![a-zA-Z]+;|#)/g, '&amp;')
}

const XML_SAMPLES = [
  'backupserver-entity.xml',
  'catalog-paginginfo-fragment.xml',
  'enterprisemanager-root.xml',
  'job-entity-backup.xml',
  'job-entity-immediatebackupcopy.xml',
  'logonsession.xml',
  'query-backupjobsession-entities.xml',
  'query-backupserver-refs-paged.xml',
  'querysvc.xml',
  'replicasession-entity.xml',
  'replicasession-reference.xml',
  'replicasession-replicatasksessions-entities.xml',
  'replicasessions-references.xml',
  'replicatasksession-entity.xml',
]

function collectLinks(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) collectLinks(item, found)
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'Link') found.push(child)
      collectLinks(child, found)
    }
  }
  return found
}

describe('parseXml', () => {
  test.each(XML_SAMPLES)('%s parses, every Link list is an array', (name) => {
    const doc = parseXml(wellFormed(readSample(name)))
    const linkLists = collectLinks(doc)
    expect(linkLists.length).toBeGreaterThan(0)
    for (const list of linkLists) expect(Array.isArray(list)).toBe(true)
  })

  test('keeps attributes unprefixed, drops namespaces, keeps every value a string', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="utf-8"?><x:Root xmlns:x="urn:a" xmlns="urn:b" Port="007"><Version>8.0</Version><Progress>100</Progress><IsRetry>false</IsRetry></x:Root>',
    )
    expect(doc).toEqual({ Root: { Port: '007', Version: '8.0', Progress: '100', IsRetry: 'false' } })
  })

  test('one-item lists stay arrays; a root entity and EntityRef stay objects', () => {
    const list = parseXml(
      '<ReplicaTaskSessions><ReplicaTaskSession UID="a"><Links><Link Rel="Up" Href="h"/></Links></ReplicaTaskSession></ReplicaTaskSessions>',
    )
    expect(list).toEqual({
      ReplicaTaskSessions: {
        ReplicaTaskSession: [{ UID: 'a', Links: { Link: [{ Rel: 'Up', Href: 'h' }] } }],
      },
    })
    expect(parseXml('<Job UID="j"><JobType>Replica</JobType></Job>')).toEqual({
      Job: { UID: 'j', JobType: 'Replica' },
    })
    expect(parseXml('<EntityRef UID="r"/>')).toEqual({ EntityRef: { UID: 'r' } })
    expect(parseXml('<Refs><Ref UID="r"/></Refs>')).toEqual({ Refs: { Ref: [{ UID: 'r' }] } })
  })

  test('decodes the entities EM writes exactly once', () => {
    const doc = parseXml('<L Href="a?x=1&amp;y=2" Name="&lt;&gt;&quot;&apos;&#39;&#x2F;&amp;#39;"/>')
    expect(doc).toEqual({ L: { Href: 'a?x=1&y=2', Name: `<>"''/&#39;` } })
  })

  test('never expands entities a DOCTYPE declares', () => {
    const doc = parseXml('<!DOCTYPE r [<!ENTITY boom "BOOM">]><r a="&boom;">&boom;</r>')
    expect(JSON.stringify(doc)).not.toContain('BOOM')
  })

  test('a page of 1,000 entities parses completely', () => {
    const session =
      '<ReplicaJobSession UID="u"><Links><Link Rel="Up" Href="h"/></Links><State>Stopped</State></ReplicaJobSession>'
    const doc = parseXml(
      `<QueryResult><Entities><ReplicaJobSessions>${session.repeat(1000)}</ReplicaJobSessions></Entities></QueryResult>`,
    )
    expect(doc).toMatchObject({
      QueryResult: { Entities: { ReplicaJobSessions: { ReplicaJobSession: expect.any(Array) } } },
    })
    const text = JSON.stringify(doc)
    expect(text.split('"State":"Stopped"').length - 1).toBe(1000)
  })

  test.each([
    ['truncated mid-document', readSample('replicasession-entity.xml').slice(0, 900)],
    ['missing end tag', '<QueryResult><Entities></Entities>'],
    ['mismatched end tag', '<a><b></a></b>'],
    ['not XML at all', 'Service Unavailable'],
    ['empty', ''],
  ])('%s → EmParseError', (_label, text) => {
    expect(() => parseXml(text)).toThrow(EmParseError)
  })

  test('the error names the problem and its line, with a short excerpt only', () => {
    const text = `<Root>${'<Item/>'.repeat(200)}`
    const error = (() => {
      try {
        parseXml(text)
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(EmParseError)
    expect(String(error)).toMatch(/malformed XML: .*Root.*line 1/)
    expect(error instanceof EmParseError && (error.excerpt ?? '').length).toBeLessThanOrEqual(81)
  })
})
