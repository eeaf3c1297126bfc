import { describe, expect, it } from 'vitest'
import { pagingLinks } from './paging-links.ts'

const base = 'https://em.test:9398/api/'

describe('pagingLinks (em-api.md §4.5, §5 capture)', () => {
  it('sorts parameters by name and encodes values with lower-case hex, as the EM 12/13 capture', () => {
    const links = pagingLinks({
      publicUrl: base,
      params: [
        ['type', 'BackupJobSession'],
        ['format', 'entities'],
        ['filter', 'CreationTime>="2025-02-18T14:16:31"'],
      ],
      pageNum: 1,
      pageSize: 100,
      pagesCount: 1,
    })
    const href = `${base}query?filter=CreationTime%3e%3d%222025-02-18T14%3a16%3a31%22&format=entities&type=BackupJobSession&pageSize=100&page=1`
    expect(links).toEqual([
      { rel: 'First', href },
      { rel: 'Last', href },
    ])
  })

  it('adds Previous after page 1 and Next before the last page, in First, Previous, Next, Last order', () => {
    const links = pagingLinks({
      publicUrl: base,
      params: [['type', 'Job']],
      pageNum: 2,
      pageSize: 10,
      pagesCount: 3,
    })
    expect(links.map((link) => [link.rel, link.href.slice(base.length)])).toEqual([
      ['First', 'query?type=Job&pageSize=10&page=1'],
      ['Previous', 'query?type=Job&pageSize=10&page=1'],
      ['Next', 'query?type=Job&pageSize=10&page=3'],
      ['Last', 'query?type=Job&pageSize=10&page=3'],
    ])
  })

  it('points Previous at the last page when the page is past the end', () => {
    const links = pagingLinks({
      publicUrl: base,
      params: [['type', 'Job']],
      pageNum: 9,
      pageSize: 10,
      pagesCount: 3,
    })
    expect(links.map((link) => link.rel)).toEqual(['First', 'Previous', 'Last'])
    expect(links[1]?.href).toMatch(/&page=3$/)
  })
})
