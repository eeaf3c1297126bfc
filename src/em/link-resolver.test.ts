import { describe, expect, test } from 'vitest'
import { EmLinkError } from './errors.ts'
import { findLink, idFromUid, resolveHref, withEntityFormat } from './link-resolver.ts'
import type { EmLink } from './link-schema.ts'

describe('resolveHref', () => {
  test.each([
    [
      'https://enterprise04.tech.local:9398/api/replicaSessions/0bcf?format=Entity',
      '/api/replicaSessions/0bcf?format=Entity',
    ],
    ['http://192.168.16.21:9399/api/jobs/dabf', '/api/jobs/dabf'],
    ['HTTPS://EM.EXAMPLE.COM/api/backupServers/a', '/api/backupServers/a'],
    ['https://enterprise.emulator.invalid:9398/api/', '/api/'],
    ['/api/replicaSessions/x/repicaTaskSessions', '/api/replicaSessions/x/repicaTaskSessions'],
    // The query string is kept verbatim: EM's own encoding, case of hex and literal ';' (§4.5).
    [
      'https://em:9398/api/query?type=ReplicaJobSession&format=Entities&filter=CreationTime%3e%3d%222025-08-15T06%3a00%3a00Z%22;Result%3D%3DFailed&pageSize=100&page=2',
      '/api/query?type=ReplicaJobSession&format=Entities&filter=CreationTime%3e%3d%222025-08-15T06%3a00%3a00Z%22;Result%3D%3DFailed&pageSize=100&page=2',
    ],
    ['https://em/api/query?filter=Name%3D%3D%22a%2Fb%22', '/api/query?filter=Name%3D%3D%22a%2Fb%22'],
    [
      'https://em/api/catalog/vms/exch01/guestfs/F:/Mailbox%20Database?action=listDirs',
      '/api/catalog/vms/exch01/guestfs/F:/Mailbox%20Database?action=listDirs',
    ],
    ['https://em/api/jobs/a#fragment', '/api/jobs/a'],
  ])('%s → %s', (href, path) => {
    expect(resolveHref(href)).toBe(path)
  })

  test.each([
    ['javascript:alert(1)', /only http and https/],
    ['JavaScript:alert(document.cookie)//api/', /only http and https/],
    ['data:text/html,<script>alert(1)</script>', /only http and https/],
    ['file:///etc/passwd', /only http and https/],
    ['ftp://em/api/jobs', /only http and https/],
    ['mailto:admin@example.com', /only http and https/],
    ['//evil.example/api/jobs', /protocol-relative/],
    ['https://user:pass@em:9398/api/jobs', /credentials/],
    ['https://em@evil.example/api/jobs', /credentials/],
    ['https://em:9398/jobs', /under \/api\//],
    ['https://em:9398/apix/jobs', /under \/api\//],
    ['https://em:9398/API/jobs', /under \/api\//],
    ['/internal/admin', /under \/api\//],
    ['api/jobs', /under \/api\//],
    ['', /under \/api\//],
    ['https://em/api/../admin', /dot segment/],
    ['/api/./jobs', /dot segment/],
    ['/api/jobs/..', /dot segment/],
    ['/api/%2e%2e/admin', /dot segment/],
    ['/api/%2E./admin', /dot segment/],
    ['/api/.%2e/admin', /dot segment/],
    ['/api/jobs%2f..%2fadmin', /encoded separator/],
    ['/api/jobs%2F..%2Fadmin', /encoded separator/],
    ['/api/jobs%5c..%5cadmin', /encoded separator/],
    ['/api/%252e%252e/admin', /encoded separator/],
    ['/api\\..\\admin', /backslash/],
    ['https://em\\@evil/api/', /backslash/],
    ['https://em/api/jobs\n/x', /control characters/],
    ['https://em/api/jobs\u0000', /control characters/],
    ['\u0009https://em/api/jobs', /control characters/],
    ['https://em/api/jobs\u0085', /control characters/],
  ])('refuses %j (%s)', (href, reason) => {
    expect(() => resolveHref(href)).toThrow(EmLinkError)
    expect(() => resolveHref(href)).toThrow(reason)
  })
})

describe('findLink', () => {
  const links: EmLink[] = [
    { rel: 'Up', type: 'BackupServerReference', name: 'srv', href: 'https://em/api/backupServers/s' },
    { rel: 'Up', type: 'JobReference', name: 'job', href: 'https://em/api/jobs/j' },
    { rel: 'Delete', type: null, name: null, href: 'https://em/api/logonSessions/l' },
  ]

  test.each([
    ['Up', 'JobReference', 'https://em/api/jobs/j'],
    ['Up', 'BackupServerReference', 'https://em/api/backupServers/s'],
    ['Up', undefined, 'https://em/api/backupServers/s'],
    ['Delete', undefined, 'https://em/api/logonSessions/l'],
    ['Down', 'ReplicaTaskSessionReferenceList', undefined],
    ['Delete', 'LogonSession', undefined],
  ])('rel %s type %s → %s', (rel, type, href) => {
    expect(findLink(links, rel, type)?.href).toBe(href)
  })
})

describe('idFromUid', () => {
  test.each([
    [
      'urn:veeam:ReplicaJobSession:0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
      '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b',
    ],
    ['urn:veeam:Job:2C49A44E-1E59-4527-A6BC-6B2F9B579EE1', '2c49a44e-1e59-4527-a6bc-6b2f9b579ee1'],
    ['urn:veeam:BackupServer:{CE15A8C7-AA49-495E-B05B-EE3398C91018}', 'ce15a8c7-aa49-495e-b05b-ee3398c91018'],
  ])('%s → %s', (uid, id) => {
    expect(idFromUid(uid)).toBe(id)
  })
})

describe('withEntityFormat', () => {
  test.each([
    [
      '/api/replicaSessions/x/replicaTaskSessions',
      '/api/replicaSessions/x/replicaTaskSessions?format=Entity',
    ],
    [
      '/api/replicaSessions/x/repicaTaskSessions?v=1',
      '/api/replicaSessions/x/repicaTaskSessions?v=1&format=Entity',
    ],
    ['/api/jobs/j?format=Entity', '/api/jobs/j?format=Entity'],
    ['/api/jobs/j?x=1&FORMAT=entity', '/api/jobs/j?x=1&FORMAT=entity'],
  ])('%s → %s', (path, expected) => {
    expect(withEntityFormat(path)).toBe(expected)
  })
})
