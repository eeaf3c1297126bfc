// A fetch stub for the em/*-queries tests: answers by exact request path from a map, 404 otherwise, and records
// every request; signed in with a fixed session, XML on the wire. Call once at the top of a test file.
import { readFileSync } from 'node:fs'
import { QueryClient } from '@tanstack/react-query'
import { afterEach, beforeEach, vi } from 'vitest'
import { clearEmSession, setEmSession } from '@/em/session-token.ts'
import { setWireFormat } from '@/em/wire-format.ts'

export const TEST_SESSION = {
  token: 'tok',
  sessionId: 'sid-1',
  userName: 'u',
  logoutPath: '/api/logonSessions/sid-1',
}

/** A payload from src/em/fixtures by file name. */
export function emFixture(name: string): string {
  return readFileSync(new URL(`../em/fixtures/${name}`, import.meta.url), 'utf8')
}

/** A QueryClient that fails at once, for asserting errors. */
export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false } } })
}

export interface StubbedEmFetch {
  /** Body by exact request path; cleared before each test. */
  answers: Map<string, string>
  /** Every request made in the current test. */
  requested: { path: string; headers: unknown }[]
}

export function stubEmFetch(): StubbedEmFetch {
  const stub: StubbedEmFetch = { answers: new Map(), requested: [] }
  beforeEach(() => {
    stub.answers.clear()
    stub.requested.length = 0
    setWireFormat('xml')
    setEmSession(TEST_SESSION)
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
        const path = String(input)
        stub.requested.push({ path, headers: init?.headers })
        const body = stub.answers.get(path)
        return body === undefined ? new Response('', { status: 404 }) : new Response(body, { status: 200 })
      }),
    )
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    clearEmSession()
  })
  return stub
}
