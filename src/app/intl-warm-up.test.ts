import { describe, expect, it } from 'vitest'
import { warmUpIntlOffThread } from './intl-warm-up.ts'

class FakeWorker extends EventTarget {
  terminated = false
  terminate() {
    this.terminated = true
  }
}

function fake(): { worker: FakeWorker; start: () => Worker } {
  const worker = new FakeWorker()
  return { worker, start: () => worker as unknown as Worker }
}

describe('warmUpIntlOffThread', () => {
  it('starts the worker and ends it once it says it is done', () => {
    const { worker, start } = fake()
    expect(warmUpIntlOffThread(start)).toBe(true)
    expect(worker.terminated).toBe(false)
    worker.dispatchEvent(new Event('message'))
    expect(worker.terminated).toBe(true)
  })

  it('ends a worker that failed', () => {
    const { worker, start } = fake()
    expect(warmUpIntlOffThread(start)).toBe(true)
    worker.dispatchEvent(new Event('error'))
    expect(worker.terminated).toBe(true)
  })

  it('says so when no worker can start (a CSP without worker-src, say)', () => {
    expect(
      warmUpIntlOffThread(() => {
        throw new DOMException('refused', 'SecurityError')
      }),
    ).toBe(false)
  })
})
