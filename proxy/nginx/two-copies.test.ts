// The deployment the README's Deploying section describes, run for real: Debian's nginx with the shipped
// em-replica-dashboard-node.conf in front of two `npm run serve` copies in kiosk mode, the emulator (--control)
// behind them, and 50 simulated wall screens. Intervals are the proxy's shortest (5 s) to keep the run short.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SITE_NAME } from './nginx-process.ts'
import { type NodeStack, STACK_KEY, startNodeStack, warmCopies } from './node-stack.ts'
import { distinctWallPaths } from './wall-mix.ts'
import { runWallScreens, type ScreenAnswer } from './wall-screens.ts'

const INTERVAL_S = 5
// nginx leaves a copy that failed requests (max_fails) out for this long (fail_timeout in the shipped file).
const FAIL_TIMEOUT_MS = 10_000
let stack: NodeStack

beforeAll(async () => {
  stack = await startNodeStack({ copies: 2 })
  await warmCopies(stack, distinctWallPaths(), INTERVAL_S)
}, 180_000)

afterAll(async () => {
  await stack?.close()
}, 60_000)

function screens(durationMs: number): Promise<ScreenAnswer[]> {
  const nginx = stack.nginx
  if (nginx === undefined) throw new Error('no nginx')
  return runWallScreens({
    target: { port: nginx.port, key: STACK_KEY, tls: { ca: nginx.ca, servername: SITE_NAME } },
    screens: 50,
    intervalS: INTERVAL_S,
    durationMs,
  })
}

/** Answers that were not a wall's data (an error, or an empty body: a blank wall), described for the failure message. */
function lost(answers: ScreenAnswer[]): string[] {
  return answers
    .filter((answer) => answer.status !== 200 || answer.bytes === 0)
    .map(
      (answer) =>
        `screen ${answer.screen}: ${answer.status} ${answer.error ?? ''} ${answer.path.slice(0, 60)}`,
    )
}

/** EM's query requests since index `from`, counted by copy and path. */
function emQueriesSince(from: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (const request of stack.emRequests.slice(from)) {
    if (request.method !== 'GET' || !request.url.startsWith('/api/query')) continue
    const key = `copy ${request.copy} ${request.url}`
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

describe('two copies of npm run serve behind the shipped nginx', () => {
  it('serves 50 wall screens over both copies for three intervals; EM sees at most one request per distinct query per interval per copy', async () => {
    const from = stack.emRequests.length
    const answers = await screens(3 * INTERVAL_S * 1000)
    expect(lost(answers)).toEqual([])
    for (let screen = 0; screen < 50; screen++) {
      expect(
        answers.filter((answer) => answer.screen === screen).length,
        `screen ${screen}`,
      ).toBeGreaterThanOrEqual(6)
    }
    const counts = emQueriesSince(from)
    // Each copy refreshed each of the distinct queries: nginx spread the screens over both.
    expect(counts.size).toBe(2 * distinctWallPaths().length)
    // At most one refresh per interval: 3, and one more when the warm-up fell just so within an interval.
    for (const [key, count] of counts) expect(count, key).toBeLessThanOrEqual(3 + 1)
    // No logon: each copy's kiosk session from its start serves every screen.
    expect(stack.emRequests.slice(from).filter((request) => request.method === 'POST')).toEqual([])
  }, 60_000)

  it('loses no screen’s data when one copy is killed', async () => {
    const running = screens(3 * INTERVAL_S * 1000)
    await new Promise((resolve) => setTimeout(resolve, INTERVAL_S * 1000))
    await stack.copies[0]?.stop('SIGKILL')
    const answers = await running
    expect(lost(answers)).toEqual([])
    expect(answers.length).toBeGreaterThanOrEqual(50 * 3 * 2)
    await stack.copies[0]?.start()
  }, 90_000)

  it('drops no wall request in a rolling restart: each copy in turn drains, logs off EM, and comes back', async () => {
    const [first, second] = stack.copies
    if (first === undefined || second === undefined) throw new Error('two copies expected')
    // Whatever nginx remembers of the previous test's kill has expired.
    await new Promise((resolve) => setTimeout(resolve, FAIL_TIMEOUT_MS))
    const from = stack.emRequests.length
    let restarting = true
    const answers: ScreenAnswer[] = []
    const screensRunning = (async () => {
      while (restarting) answers.push(...(await screens(2 * INTERVAL_S * 1000)))
    })()
    for (const copy of [first, second]) {
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_S * 1000))
      await copy.stop('SIGTERM')
      await copy.start()
      // nginx may have left the copy out when it refused connections while down; it asks it again after fail_timeout.
      await new Promise((resolve) => setTimeout(resolve, FAIL_TIMEOUT_MS + 1000))
    }
    restarting = false
    await screensRunning
    expect(lost(answers)).toEqual([])
    expect(answers.length).toBeGreaterThan(50 * 3 * 4)
    const logoffs = stack.emRequests
      .slice(from)
      .filter((request) => request.method === 'DELETE' && request.url.startsWith('/api/logonSessions/'))
    expect(logoffs.map((request) => request.copy).sort()).toEqual([0, 1])
    for (const copy of [first, second]) {
      expect(copy.lines.some((line) => line.includes('"event":"drained"'))).toBe(true)
    }
  }, 180_000)
})
