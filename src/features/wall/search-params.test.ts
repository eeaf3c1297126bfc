import { describe, expect, it } from 'vitest'
import { sessionSearchSchema } from '@/em/session-url-filter.ts'
import { v } from '@/lib/valibot.ts'
import { describeFilter, WALL_DEFAULTS, wallOptions, wallSearchSchema } from './search-params.ts'

describe('wallSearchSchema', () => {
  it('fills every wall option with its default on an empty URL', () => {
    const search = v.parse(wallSearchSchema, {})
    expect(search).toMatchObject(WALL_DEFAULTS)
    expect(search.key).toBeUndefined()
  })

  it('reads every wall option', () => {
    const search = v.parse(wallSearchSchema, {
      refresh: 5,
      rotate: 20,
      rpo: 48,
      theme: 'light',
      scale: 1.5,
      key: 'wall-key-0123456789',
    })
    expect(search).toMatchObject({ refresh: 5, rotate: 20, rpo: 48, theme: 'light', scale: 1.5 })
    expect(wallOptions(search)).toEqual({
      refreshMs: 5000,
      rotateMs: 20_000,
      rpoMs: 48 * 3_600_000,
      theme: 'light',
      scale: 1.5,
      density: 'compact',
    })
    expect(wallOptions(v.parse(wallSearchSchema, { scale: 1.25 })).density).toBe('full')
    expect(wallOptions(v.parse(wallSearchSchema, { scale: 2.5 })).density).toBe('large')
  })

  it.each([
    ['refresh', 2],
    ['refresh', 'often'],
    ['refresh', 7.5],
    ['rotate', 0],
    ['rpo', -1],
    ['theme', 'neon'],
    ['scale', 0.1],
    ['scale', 9],
  ])('falls back to the default for %s=%j instead of failing the page', (name, value) => {
    const search = v.parse(wallSearchSchema, { [name]: value })
    expect(search).toMatchObject(WALL_DEFAULTS)
  })

  it('keeps an all-digit key, which the router hands over as a number', () => {
    expect(v.parse(wallSearchSchema, { key: 1234567890123 }).key).toBe('1234567890123')
    expect(v.parse(wallSearchSchema, { key: '' }).key).toBeUndefined()
  })

  it("accepts the explorer's filter keys unchanged, with the explorer's fallbacks", () => {
    const explorer = {
      job: 'SQL Replication',
      server: 'srv02.tech.local',
      state: ['Working'],
      result: ['Failed', 'Warning'],
      retry: 'exclude',
      created: '24h',
      q: 'Result==Failed',
      jobUid: 'urn:veeam:Job:2c49a44e-1e59-4527-a6bc-6b2f9b579ee1',
    }
    const wall = v.parse(wallSearchSchema, explorer)
    expect(wall).toMatchObject(v.parse(sessionSearchSchema, explorer))
    expect(Object.keys(sessionSearchSchema.entries).every((key) => key in wallSearchSchema.entries)).toBe(
      true,
    )
    expect(v.parse(wallSearchSchema, { result: 'Nope', state: 7 })).toMatchObject({
      result: undefined,
      state: undefined,
    })
  })

  it('round-trips: parsing its own output changes nothing', () => {
    const once = v.parse(wallSearchSchema, {
      refresh: 10,
      theme: 'light',
      result: ['Failed'],
      job: 'A',
      key: 'k',
    })
    expect(v.parse(wallSearchSchema, once)).toEqual(once)
  })
})

describe('describeFilter', () => {
  it('names the filter in a few words, or nothing without one', () => {
    expect(describeFilter(v.parse(wallSearchSchema, {}))).toBeNull()
    expect(describeFilter(v.parse(wallSearchSchema, { job: 'SQL', result: ['Failed'], retry: 'only' }))).toBe(
      'Job SQL · Failed · Retries only',
    )
  })
})
