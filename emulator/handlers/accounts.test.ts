import { describe, expect, it } from 'vitest'
import { checkBasic, parseUsers } from './accounts.ts'

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`

describe('accounts', () => {
  it('parses user:pass[:role] lists, passwords may contain colons', () => {
    expect(parseUsers('admin:admin,CORP\\ops:s3:cr:et:restore,bob@corp:pw:none,x:y:z')).toEqual([
      { name: 'admin', password: 'admin', role: 'admin' },
      { name: 'CORP\\ops', password: 's3:cr:et', role: 'restore' },
      { name: 'bob@corp', password: 'pw', role: 'none' },
      { name: 'x', password: 'y:z', role: 'admin' },
    ])
    expect(() => parseUsers('nopassword')).toThrow(/user:pass/)
    expect(() => parseUsers(':pw')).toThrow(/user:pass/)
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
