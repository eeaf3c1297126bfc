import { describe, expect, test } from 'vitest'
import {
  durationGrows,
  durationMs,
  hasResult,
  isRunning,
  KNOWN_RESULTS,
  KNOWN_STATES,
  RUNNING_STATES,
} from './session-status.ts'

describe('isRunning', () => {
  test.each([
    ['Starting', true],
    ['Working', true],
    ['Pausing', true],
    ['Resuming', true],
    ['Stopping', true],
    ['Postponed', true],
    ['', true],
    ['Stopped', false],
    ['stopped', false],
    ['Pending', true],
    ['InProgress', true],
    ['Completed', false],
  ])('%j → %s', (state, running) => {
    expect(isRunning({ state })).toBe(running)
  })
})

describe('hasResult', () => {
  test.each([
    ['Success', true],
    ['Warning', true],
    ['Failed', true],
    ['failed', true],
    ['None', false],
    ['Cancelled', false],
    ['', false],
  ])('%j → %s', (result, expected) => {
    expect(hasResult({ result })).toBe(expected)
  })
})

describe('durationMs', () => {
  const start = Date.UTC(2025, 9, 19, 6, 46, 31)
  const now = start + 600_000
  test.each([
    ['ended', { creationTime: start, endTime: start + 60_000, state: 'Stopped' }, 60_000],
    ['running', { creationTime: start, endTime: null, state: 'Working' }, 600_000],
    ['running, clock behind the start', { creationTime: now + 1, endTime: null, state: 'Working' }, 0],
    ['finished with an unknown end', { creationTime: start, endTime: null, state: 'Stopped' }, null],
  ])('%s', (_label, session, expected) => {
    expect(durationMs(session, now)).toBe(expected)
  })
})

test('the known values are EM’s documented ones', () => {
  expect(KNOWN_STATES).toEqual(['Starting', 'Stopping', 'Working', 'Pausing', 'Resuming', 'Stopped'])
  expect(KNOWN_RESULTS).toEqual(['Success', 'Warning', 'Failed'])
})

describe('RUNNING_STATES and durationGrows', () => {
  test('every known state that isRunning says runs, and only those', () => {
    expect(RUNNING_STATES).toEqual(KNOWN_STATES.filter((state) => isRunning({ state })))
    expect(RUNNING_STATES).not.toContain('Stopped')
  })

  test('a duration grows only while running without an end', () => {
    expect(durationGrows({ state: 'Working', endTime: null })).toBe(true)
    expect(durationGrows({ state: 'Working', endTime: 5 })).toBe(false)
    expect(durationGrows({ state: 'Stopped', endTime: null })).toBe(false)
  })
})
