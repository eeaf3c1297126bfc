// Start-up work split into tasks: between them the browser may paint, take input and run what it queued, so no
// one task holds the main thread for all of it (issue 18: the longest task of a load).

interface YieldingScheduler {
  yield(): Promise<void>
}

function hasYield(value: unknown): value is YieldingScheduler {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'yield') === 'function'
}

/**
 * Resolves in a later task. `scheduler.yield()` where the browser has it (Chromium 129+), which resumes ahead of
 * other queued tasks of the same priority; a zero timeout elsewhere.
 */
export function yieldToMain(): Promise<void> {
  const scheduler: unknown = Reflect.get(globalThis, 'scheduler')
  if (hasYield(scheduler)) return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}
