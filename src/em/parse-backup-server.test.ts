import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { readSample } from '@/test/samples.ts'
import { decodeBody } from './decode-body.ts'
import { parseBackupServer, parseBackupServersPage } from './parse-backup-server.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

describe('parseBackupServer', () => {
  test('the §6.3 XML and JSON examples agree on every field (the JSON example abridges its links)', () => {
    const fromXml = parseBackupServer(decodeBody(fixture('backup-server.xml'), 'xml'))
    const fromJson = parseBackupServer(decodeBody(fixture('backup-server.json'), 'json'))
    const expected = {
      uid: 'urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018',
      id: 'ce15a8c7-aa49-495e-b05b-ee3398c91018',
      name: 'srv02.tech.local',
      href: 'https://enterprise04.tech.local:9398/api/backupServers/ce15a8c7-aa49-495e-b05b-ee3398c91018?format=Entity',
      description: '',
      port: 9392,
      version: '13.0.0.1420',
      wcfPort: 9405,
    }
    expect(fromXml).toMatchObject(expected)
    expect(fromJson).toMatchObject(expected)
    expect(fromXml.links.map((link) => link.rel)).toEqual(['Alternate', 'Edit', 'Delete', 'Down', 'Start'])
    expect(fromJson.links.map((link) => link.rel)).toEqual(['Alternate', 'Start'])
  })

  test('the version 8 sample: no WcfPort, version text kept as "8.0"', () => {
    const server = parseBackupServer(decodeBody(readSample('backupserver-entity.xml'), 'xml'))
    expect(server).toMatchObject({
      name: 'srv02.tech.local',
      port: 9392,
      version: '8.0',
      wcfPort: null,
      description: '',
    })
    expect(server.links).toHaveLength(13)
  })

  test('a non-numeric Port is a parse error naming it', () => {
    const text =
      '<BackupServer UID="urn:veeam:BackupServer:x" Name="n" Href="h"><Port>ninety</Port></BackupServer>'
    expect(() => parseBackupServer(decodeBody(text, 'xml'))).toThrow(/Port: expected an integer/)
  })
})

describe('parseBackupServersPage', () => {
  test('a one-server Entities page in XML and JSON', () => {
    const xml = `<QueryResult><Entities><BackupServers>${fixture('backup-server.xml')}</BackupServers></Entities><PagingInfo PageNum="1" PageSize="1000" PagesCount="1"><Links/></PagingInfo></QueryResult>`
    const entity: unknown = JSON.parse(fixture('backup-server.json'))
    const json = JSON.stringify({
      Refs: null,
      Entities: { Jobs: null, BackupServers: { BackupServers: [entity] } },
      PagingInfo: { PageNum: 1, PageSize: 1000, PagesCount: 1, Links: [] },
    })
    const fromXml = parseBackupServersPage(decodeBody(xml, 'xml'))
    expect(fromXml.items.map((server) => server.name)).toEqual(['srv02.tech.local'])
    expect(parseBackupServersPage(decodeBody(json, 'json')).items[0]).toMatchObject({
      ...fromXml.items[0],
      links: expect.any(Array),
    })
  })
})
