// A page's first Intl formatters load the locale's ICU data: 15-45 ms on the main thread on this project's
// machines, in native calls no yield can split, and one of a load's longest tasks (issue 18). ICU's data caches
// belong to the process, not the thread: once a worker has made the same formatters, the main thread's first
// ones take a millisecond or two (measured in Chromium: 16-24 ms cold, 2-5 ms after a worker). Nothing waits for
// the worker: the screens make their formatters on first use (src/lib/lazy-intl.ts), by when it is done.

/**
 * Starts the worker that warms Intl, which ends itself once done or failed. False when no worker can start (a
 * CSP without worker-src 'self', say): the caller then warms Intl in a task of its own.
 */
export function warmUpIntlOffThread(
  startWorker: () => Worker = () =>
    new Worker(new URL('./intl-warm-up.worker.ts', import.meta.url), {
      type: 'module',
      name: 'intl-warm-up',
    }),
): boolean {
  let worker: Worker
  try {
    worker = startWorker()
  } catch {
    return false
  }
  const end = () => worker.terminate()
  worker.addEventListener('message', end)
  worker.addEventListener('error', end)
  return true
}

/** The same warm-up on this thread. */
export function warmUpIntlHere(): void {
  new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' }).format(0)
}
