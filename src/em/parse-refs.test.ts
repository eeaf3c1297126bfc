import { describe, expect, test } from 'vitest'
import { readSample } from '@/test/samples.ts'
import { decodeBody } from './decode-body.ts'
import { parseEntityRef, parseRefs, parseRefsPage } from './parse-refs.ts'

// The doc page prints a raw `&` in its Hrefs; a live server writes `&amp;` (samples/README.md).
const wellFormed = (text: string) => text.replaceAll('&', '&amp;')

describe('parseRefsPage', () => {
  test('the pageSize=1 References sample: one ref, page 1 of 2, First/Next/Last', () => {
    const page = parseRefsPage(decodeBody(wellFormed(readSample('query-backupserver-refs-paged.xml')), 'xml'))
    expect(page.items).toEqual([
      expect.objectContaining({
        uid: 'urn:veeam:BackupServer:e42211aa-321d-4f91-9c13-2342cf9557eb',
        name: '172.17.53.47',
        type: 'BackupServerReference',
      }),
    ])
    expect(page.paging).toMatchObject({ pageNum: 1, pageSize: 1, pagesCount: 2 })
    expect(page.paging.links.map((link) => [link.rel, link.href])).toEqual([
      ['First', 'https://localhost:9398/api/query?type=backupServer&pageSize=1&page=1'],
      ['Next', 'https://localhost:9398/api/query?type=backupServer&pageSize=1&page=2'],
      ['Last', 'https://localhost:9398/api/query?type=backupServer&pageSize=1&page=2'],
    ])
  })

  test('XML and JSON References pages are deep-equal; JSON has "Entities": null beside', () => {
    const xml =
      '<QueryResult><Refs><Ref Type="ReplicaJobSessionReference" Href="https://h/api/replicaSessions/a" Name="a" UID="urn:veeam:ReplicaJobSession:a"><Links /></Ref></Refs><PagingInfo PageNum="1" PageSize="1" PagesCount="37"><Links /></PagingInfo></QueryResult>'
    const json = JSON.stringify({
      Refs: {
        Refs: [
          {
            Links: [],
            UID: 'urn:veeam:ReplicaJobSession:a',
            Name: 'a',
            Href: 'https://h/api/replicaSessions/a',
            Type: 'ReplicaJobSessionReference',
          },
        ],
      },
      Entities: null,
      PagingInfo: { Links: [], PageNum: 1, PageSize: 1, PagesCount: 37 },
    })
    const fromXml = parseRefsPage(decodeBody(xml, 'xml'))
    expect(parseRefsPage(decodeBody(json, 'json'))).toEqual(fromXml)
    expect(fromXml.paging.pagesCount).toBe(37)
  })

  test('an empty References page', () => {
    const xml = '<QueryResult><Refs /><PagingInfo PageNum="1" PageSize="1" PagesCount="1" /></QueryResult>'
    expect(parseRefsPage(decodeBody(xml, 'xml')).items).toEqual([])
  })
})

describe('parseRefs and parseEntityRef', () => {
  test('the EntityReferences sample of /replicaSessions', () => {
    const refs = parseRefs(decodeBody(readSample('replicasessions-references.xml'), 'xml'))
    expect(refs.map((ref) => ref.name)).toEqual([
      'SQL Replication@2025-10-19 05:41:52',
      'Fileserver02 Replication@2025-10-19 06:46:31',
    ])
    expect(refs[0]?.links.map((link) => link.type)).toEqual([
      'BackupServerReference',
      'JobReference',
      'ReplicaJobSession',
      'ReplicaTaskSessionReferenceList',
    ])
  })

  test('the JSON reference collection sample {"Refs":[…]}', () => {
    const refs = parseRefs(decodeBody(readSample('entityreferences-cloudtenants.json'), 'json'))
    expect(refs.map((ref) => ref.name)).toEqual(['QWE Systems', 'ABC Company', 'TechCompanyOrg'])
  })

  test('a single reference in XML (EntityRef root) and in JSON', () => {
    const session = parseEntityRef(decodeBody(readSample('replicasession-reference.xml'), 'xml'))
    expect(session).toMatchObject({
      type: 'ReplicaJobSessionReference',
      uid: 'urn:veeam:ReplicaJobSession:0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
    })
    const server = parseEntityRef(decodeBody(readSample('backupserver-reference.json'), 'json'))
    expect(server).toMatchObject({ type: 'BackupServerReference', name: 'appsrv01.tech.local' })
    expect(server.links.find((link) => link.rel === 'Alternate')).toEqual({
      rel: 'Alternate',
      type: 'BackupServer',
      name: 'appsrv01.tech.local',
      href: 'https://srv12.tech.local:9398/api/backupServers/ffa6d4ef-ea63-4fb3-88a1-84706c2430e1?format=Entity',
    })
  })
})
