import { describe, expect, it } from 'vitest'
import { pixelShift } from './pixel-shift.ts'
import { isNewBuild } from './version-reload.ts'

describe('pixelShift', () => {
  it('moves by a few pixels every three minutes and comes back to the start', () => {
    const at = (minutes: number) => pixelShift(minutes * 60_000)
    expect(at(0)).toEqual({ x: 0, y: 0 })
    expect(at(2.9)).toEqual({ x: 0, y: 0 })
    expect(at(3)).not.toEqual({ x: 0, y: 0 })
    expect(at(24)).toEqual({ x: 0, y: 0 })
    for (let m = 0; m < 24; m += 3) {
      const { x, y } = at(m)
      expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(4)
    }
  })
})

describe('isNewBuild', () => {
  it('reloads only for a known, different deployed build', () => {
    expect(isNewBuild('build-a', 'build-b')).toBe(true)
    expect(isNewBuild('build-a', 'build-a')).toBe(false)
    expect(isNewBuild('build-a', undefined)).toBe(false)
    expect(isNewBuild(null, 'build-b')).toBe(false)
  })
})
