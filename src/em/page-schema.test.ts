import { describe, expect, test } from 'vitest'
import { readSample } from '@/test/samples.ts'
import { decodeBody } from './decode-body.ts'
import { EmParseError } from './errors.ts'
import { parsePagingInfo } from './page-schema.ts'

describe('parsePagingInfo', () => {
  test('the catalog fragment: attributes in reverse order, a single page with First and Last only', () => {
    const text = readSample('catalog-paginginfo-fragment.xml').replaceAll('&', '&amp;')
    const paging = parsePagingInfo(decodeBody(text, 'xml'))
    expect(paging).toMatchObject({ pageNum: 1, pageSize: 10, pagesCount: 1 })
    expect(paging.links.map((link) => link.rel)).toEqual(['First', 'Last'])
    expect(paging.links[0]?.href).toMatch(/\?action=listDirs&pageSize=10&page=1$/)
  })

  test.each([
    ['{"PageNum":1,"PageSize":100,"PagesCount":2.5,"Links":[]}', /PagesCount/],
    ['{"PageNum":"one","PageSize":100,"PagesCount":1}', /PageNum: expected an integer/],
    ['{"PageSize":100,"PagesCount":1}', /PageNum/],
  ])('%s → EmParseError %s', (json, message) => {
    expect(() => parsePagingInfo(decodeBody(json, 'json'))).toThrow(EmParseError)
    expect(() => parsePagingInfo(decodeBody(json, 'json'))).toThrow(message)
  })
})
