import { describe, expect, it } from 'vitest'
import { checkBasic, parseUsers } from './accounts.ts'

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`

describe('accounts', () => {
  it('parses user:pass[:role] lists, passwords may contain colons', () => {
    expect(parseUsers('admin:admin,CORP\\ops:s3:cr:et:portal-user,bob@corp:pw:none,x:y:z')).toEqual([
      { name: 'admin', password: 'admin', roles: ['portal-admin'] },
      { name: 'CORP\\ops', password: 's3:cr:et', roles: ['portal-user'] },
      { name: 'bob@corp', password: 'pw', roles: [] },
      { name: 'x', password: 'y:z', roles: ['portal-admin'] },
    ])
    expect(() => parseUsers('nopassword')).toThrow(/user:pass/)
    expect(() => parseUsers(':pw')).toThrow(/user:pass/)
  })

  it('takes several roles joined by +, and the old names admin and restore (em-api.md §10)', () => {
    expect(parseUsers('a:pw:portal-user+vm-restore-operator,b:pw:admin,c:pw:restore,d:p+w')).toEqual([
      { name: 'a', password: 'pw', roles: ['portal-user', 'vm-restore-operator'] },
      { name: 'b', password: 'pw', roles: ['portal-admin'] },
      {
        name: 'c',
        password: 'pw',
        roles: ['vm-restore-operator', 'file-restore-operator', 'app-restore-operator'],
      },
      { name: 'd', password: 'p+w', roles: ['portal-admin'] },
    ])
    expect(() => parseUsers('a:pw:portal-user+portal-usr')).toThrow(/unknown role 'portal-usr'/)
    expect(() => parseUsers('a:pw:none+portal-user')).toThrow(/'none' cannot be combined/)
  })

  it('matches Basic credentials exactly as configured', () => {
    const users = parseUsers('CORP\\ops:pw')
    expect(checkBasic(basic('CORP\\ops:pw'), users)?.name).toBe('CORP\\ops')
    expect(checkBasic(basic('corp\\ops:pw'), users)).toBeUndefined()
    expect(checkBasic(basic('CORP\\ops:PW'), users)).toBeUndefined()
    expect(checkBasic(`basic   ${Buffer.from('CORP\\ops:pw').toString('base64')}`, users)?.name).toBe(
      'CORP\\ops',
    )
    expect(checkBasic(undefined, users)).toBeUndefined()
  })
})
