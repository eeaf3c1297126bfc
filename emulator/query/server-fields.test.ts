import { describe, expect, it } from 'vitest'
import type { BackupServerRecord } from '../data/records.ts'
import { querySource, serverRecord } from '../data/test-records.ts'
import { filterCompiler } from './compile-filter.ts'
import { SERVER_FIELDS } from './server-fields.ts'

const server = (id: string, fields: Partial<BackupServerRecord>) =>
  serverRecord(id, { version: '13.0.0.1420', thumbprint: '0000', ...fields })

const servers = [
  server('a', { version: '9.5.4.2866', description: 'Old site' }),
  server('b', { version: '11.0.0.837', port: 10_392, ipOrDnsName: '10.0.0.2' }),
  server('c', {}),
]
const source = querySource({ servers })
const compile = filterCompiler(SERVER_FIELDS)

function matching(filter: string): string[] {
  const predicate = compile(filter, 'sentinel')
  return servers.filter((s) => predicate === null || predicate(s, source)).map((s) => s.id)
}

describe('BackupServer fields', () => {
  it('has exactly the fields of em-api.md §4.3', () => {
    expect([...SERVER_FIELDS.byName].map(([name, field]) => `${name}:${field.kind}`)).toEqual([
      'uid:UidType',
      'name:String',
      'description:String',
      'ipordnsname:String',
      'port:Long',
      'version:String',
    ])
  })

  it.each([
    ['Port==9392', ['a', 'c']],
    ['Port>9392', ['b']],
    ['port!=10392', ['a', 'c']],
    // Version is a String: compared as text, so 9.5 sorts after 11.0 and 13.0.
    ['Version>"13.9"', ['a']],
    ['Version<"12"', ['b']],
    ['IpOrDnsName=="10.0.0.2"', ['b']],
    ['Description==""', ['b', 'c']],
    ['Description=="old SITE"', ['a']],
    ['Name==C.TECH.LOCAL', ['c']],
    ['UID=="urn:veeam:BackupServer:b"', ['b']],
  ])('filters %s', (filter, expected) => {
    expect(matching(filter)).toEqual(expected)
  })

  it('rejects a non-integer port', () => {
    expect(() => compile('Port==93a', 'sentinel')).toThrow(
      "Invalid value '93a' at position 6 for Long field 'Port': expected a decimal integer.",
    )
  })
})
