import { afterEach, describe, expect, it, vi } from 'vitest'

const yields = vi.hoisted(() => ({ release: [] as (() => void)[] }))
vi.mock('@/lib/yield-to-main.ts', () => ({
  yieldToMain: () =>
    new Promise<void>((resolve) => {
      yields.release.push(resolve)
    }),
}))

afterEach(() => {
  yields.release = []
  vi.resetModules()
})

// What makes each module a break in evaluation: its import ends only when the yield does, so every module
// imported after it is evaluated in that later task.
describe.each([
  ['yield-before-react', () => import('./yield-before-react.ts')],
  ['yield-before-app', () => import('./yield-before-app.ts')],
])('%s', (_name, load) => {
  it('is evaluated only once its yield to the main thread has ended', async () => {
    let evaluated = false
    const loading = load().then(() => {
      evaluated = true
    })
    await vi.waitFor(() => expect(yields.release).toHaveLength(1))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(evaluated).toBe(false)
    yields.release[0]?.()
    await loading
    expect(evaluated).toBe(true)
  })
})
