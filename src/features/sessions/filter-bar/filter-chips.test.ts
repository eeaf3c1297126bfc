import { describe, expect, it } from 'vitest'
import { explorerSearchSchema } from '@/features/sessions/search-params.ts'
import { formatLocal } from '@/lib/format-time.ts'
import { v } from '@/lib/valibot.ts'
import { activeFilterCount, filterChips } from './filter-chips.ts'

// The search as the router hands it over: the explorer's lenient schema over a raw URL object.
function chipsOf(raw: Record<string, unknown>) {
  const search = v.parse(explorerSearchSchema, raw)
  return filterChips(search).map(({ label, value }) => `${label}: ${value}`)
}

describe('filterChips', () => {
  it('says nothing for a search without filters; sort, page and refresh are not filters', () => {
    expect(chipsOf({ sort: 'Name.asc', page: 3, size: 250, refresh: 0 })).toEqual([])
  })

  it('one chip per filter, in the order Add filter offers them, in the words of the badges', () => {
    expect(
      chipsOf({
        server: 'vbr-hq01',
        job: 'Exchange DR',
        result: ['Failed', 'Warning'],
        state: 'Working',
        created: '7d',
        retry: 'exclude',
        jobType: 'Replica',
      }),
    ).toEqual([
      'Result: Failed or Warning',
      'State: Working',
      'Job: Exchange DR',
      'Backup server: vbr-hq01',
      'Started: last 7 days',
      'Retries: no retries',
      'Job type: Replica',
    ])
  })

  it('a custom range reads in local time, open ends included; a UID reads as its GUID', () => {
    const from = Date.parse('2025-10-01T06:30:00Z')
    const to = Date.parse('2025-10-02T06:30:00Z')
    expect(
      chipsOf({
        createdFrom: '2025-10-01T06:30:00Z',
        createdTo: '2025-10-02T06:30:00Z',
        endedTo: '2025-10-02T06:30:00Z',
        jobUid: 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
      }),
    ).toEqual([
      `Started: ${formatLocal(from)} – ${formatLocal(to)}`,
      `Ended: until ${formatLocal(to)}`,
      'Job UID: 2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
    ])
  })

  it('removing a chip clears exactly its keys, and the search it leaves has no chip for it', () => {
    const search = v.parse(explorerSearchSchema, {
      result: 'Failed',
      createdFrom: '2025-10-01T06:30:00Z',
      createdTo: '2025-10-02T06:30:00Z',
      job: 'SQL',
    })
    const started = filterChips(search).find((chip) => chip.field === 'created')
    expect(started?.clear).toEqual({ created: undefined, createdFrom: undefined, createdTo: undefined })
    const after = { ...search, ...started?.clear }
    expect(filterChips(after).map((chip) => chip.field)).toEqual(['result', 'job'])
  })

  it('counts the advanced expression too, for the phone’s Filters button', () => {
    expect(activeFilterCount(v.parse(explorerSearchSchema, {}))).toBe(0)
    expect(
      activeFilterCount(
        v.parse(explorerSearchSchema, {
          q: 'Result==Failed',
          created: '24h',
          createdFrom: '2025-10-01T06:30:00Z',
        }),
      ),
    ).toBe(2)
  })
})
