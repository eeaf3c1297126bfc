// Waiting on and reading the page over the DevTools protocol itself (Runtime.evaluate), not through Playwright's
// waitForFunction, waitForSelector or evaluate: those first inject Playwright's own scripts into the page, and on
// this machine evaluating them took 30-60 ms of the main thread, right in the window a long-task figure counts
// (issue 18: a 57 ms task just after the first rows was Playwright's, not the app's).
import type { CDPSession, Page } from '@playwright/test'

const sessions = new WeakMap<Page, Promise<CDPSession>>()

function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page)
  if (!session) {
    session = page.context().newCDPSession(page)
    sessions.set(page, session)
  }
  return session
}

interface EvaluateResult {
  result: { value?: unknown }
  exceptionDetails?: { text: string; exception?: { description?: string } }
}

/** The value of `expression` in the page (awaited when it is a promise), passed as JSON. */
export async function readInPage<T>(page: Page, expression: string, timeoutMs = 30_000): Promise<T> {
  const session = await sessionOf(page)
  const evaluation = session.send('Runtime.evaluate', {
    // Undefined means the instrument did not run (a script error in it, say): said, not read as "no value".
    expression: `(async () => {
      const value = (${expression})
      if (value === undefined) throw new Error('undefined in the page')
      return JSON.stringify(await value)
    })()`,
    awaitPromise: true,
    returnByValue: true,
  }) as Promise<EvaluateResult>
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${expression} did not settle within ${timeoutMs / 1000} s`)),
      timeoutMs,
    )
  })
  try {
    const { result, exceptionDetails } = await Promise.race([evaluation, timeout])
    if (exceptionDetails)
      throw new Error(`${expression}: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`)
    return typeof result.value === 'string' ? (JSON.parse(result.value) as T) : (undefined as T)
  } finally {
    clearTimeout(timer)
  }
}
