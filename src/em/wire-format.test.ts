import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'

// Node has no Web Storage: the two methods wire-format.ts uses, over a Map.
let local: Map<string, string>

// A fresh module per test, as a reloaded page would start.
async function loadFormat() {
  vi.resetModules()
  return import('./wire-format.ts')
}

beforeEach(() => {
  local = new Map()
  vi.stubGlobal('localStorage', {
    getItem: (key: string) => local.get(key) ?? null,
    setItem: (key: string, value: string) => local.set(key, value),
  })
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
})

describe('wire-format', () => {
  test('defaults to xml (VITE_EM_FORMAT unset), remembers a choice in localStorage', async () => {
    vi.stubEnv('VITE_EM_FORMAT', '')
    const { getWireFormat, setWireFormat } = await loadFormat()
    expect(getWireFormat()).toBe('xml')
    setWireFormat('json')
    expect(local.get('em.format')).toBe('json')
    expect((await loadFormat()).getWireFormat()).toBe('json')
  })

  test.each([
    ['json', 'json'],
    ['xml', 'xml'],
    ['yaml', 'xml'],
  ])('VITE_EM_FORMAT=%s → default %s', async (env, expected) => {
    vi.stubEnv('VITE_EM_FORMAT', env)
    const { getWireFormat } = await loadFormat()
    expect(getWireFormat()).toBe(expected)
  })

  test('a stored value that is not a format is ignored', async () => {
    local.set('em.format', 'csv')
    const { getWireFormat } = await loadFormat()
    expect(getWireFormat()).toBe('xml')
  })

  test('subscribers hear a switch', async () => {
    const { setWireFormat, subscribeWireFormat } = await loadFormat()
    const listener = vi.fn()
    const unsubscribe = subscribeWireFormat(listener)
    setWireFormat('json')
    unsubscribe()
    setWireFormat('xml')
    expect(listener).toHaveBeenCalledTimes(1)
  })
})
