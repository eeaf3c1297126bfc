import { describe, expect, it } from 'vitest'
import { parseTarget } from './request-target.ts'

describe('parseTarget (em-api.md §4.6)', () => {
  it('splits path segments and form-decodes the query', () => {
    expect(parseTarget('/api/query/?type=Job&filter=Name%3D%3D%22a+b%22&x')).toEqual({
      segments: ['api', 'query'],
      rawPath: '/api/query/',
      pairs: [
        { name: 'type', value: 'Job' },
        { name: 'filter', value: 'Name=="a b"' },
        { name: 'x', value: '' },
      ],
    })
  })

  it('reads a whole query encoded into the path, keeping %2B a plus and + a space', () => {
    const target = parseTarget(
      '/api/query%3Ftype%3DJob%26filter%3DName%3D%3D%22a+b%2Bc%22%26page%3D2?pageSize=5',
    )
    expect(target.segments).toEqual(['api', 'query'])
    expect(target.rawPath).toBe('/api/query')
    expect(target.pairs).toEqual([
      { name: 'type', value: 'Job' },
      { name: 'filter', value: 'Name=="a b+c"' },
      { name: 'page', value: '2' },
      { name: 'pageSize', value: '5' },
    ])
  })

  it('accepts %3f and %3d in lower case', () => {
    expect(parseTarget('/api/query%3ftype%3djob').pairs).toEqual([{ name: 'type', value: 'job' }])
  })

  it('marks malformed percent-encoding instead of throwing', () => {
    expect(parseTarget('/api/%zz').segments).toBeUndefined()
    expect(parseTarget('/api/query?filter=%E0%A4').pairs).toBeUndefined()
    expect(parseTarget('/api/query?filter=%').pairs).toBeUndefined()
    expect(parseTarget('/api/query?filter=%').segments).toEqual(['api', 'query'])
  })

  it('reads only the path of an absolute-form target', () => {
    expect(parseTarget('http://em:9399/api/jobs?format=Entity').segments).toEqual(['api', 'jobs'])
  })
})
