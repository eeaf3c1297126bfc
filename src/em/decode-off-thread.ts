// decodeBody in Web Workers, so a 1,000-session XML page never blocks the main thread, and the XML parser is
// fetched with the worker instead of with the first page. A second worker starts when the first is busy: a screen
// that reads several large pages at once (the protection view) decodes them side by side. Where there is no Worker
// (Vitest, jsdom) or it fails to start, the same decodeBody runs here, loaded on demand; both paths give the same
// documents and errors.
import type { DecodeFailure, DecodeReply, DecodeRequest } from './decode-message.ts'
import { EmHttpError, EmParseError } from './errors.ts'
import type { PageParserName } from './page-parsers.ts'
import type { WireFormat } from './wire-format.ts'

interface Pending {
  resolve: (doc: unknown) => void
  reject: (error: unknown) => void
  worker: Worker
}

// Two: pages arrive a few at a time, and the machine's other cores serve the page and the browser itself.
const MAX_WORKERS = 2
const workers: Worker[] = []
let workerBroken = false
let nextId = 1
const pending = new Map<number, Pending>()

/** The error decodeBody threw, rebuilt from its description. */
export function rebuildFailure(failure: DecodeFailure): Error {
  if (failure.kind === 'http') return new EmHttpError(failure.status, failure.emMessage, failure.path)
  if (failure.kind === 'parse') return new EmParseError(failure.message, failure.excerpt ?? undefined)
  return new Error(failure.message)
}

function busy(worker: Worker): number {
  let count = 0
  for (const waiting of pending.values()) if (waiting.worker === worker) count += 1
  return count
}

// An idle worker, else a new one while fewer than MAX_WORKERS run, else the least busy.
function pickWorker(): Worker | null {
  if (workerBroken || typeof Worker === 'undefined') return null
  const idle = workers.find((each) => busy(each) === 0)
  if (idle) return idle
  if (workers.length < MAX_WORKERS) return startWorker() ?? workers[0] ?? null
  return workers.reduce((least, each) => (busy(each) < busy(least) ? each : least))
}

function startWorker(): Worker | null {
  let worker: Worker
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'em-decode' })
  } catch {
    workerBroken = workers.length === 0
    return null
  }
  workers.push(worker)
  worker.addEventListener('message', (event: MessageEvent<DecodeReply>) => {
    const reply = event.data
    const waiting = pending.get(reply.id)
    pending.delete(reply.id)
    if (reply.ok) waiting?.resolve(reply.doc)
    else waiting?.reject(rebuildFailure(reply.error))
  })
  // A worker that cannot load (a CSP without worker-src 'self', say) must not fail every query: decode here.
  worker.addEventListener('error', () => {
    workerBroken = true
    for (const each of workers.splice(0)) each.terminate()
    const stranded = [...pending.values()]
    pending.clear()
    for (const waiting of stranded) waiting.reject(new WorkerUnavailable())
  })
  return worker
}

class WorkerUnavailable extends Error {}

async function decodeHere(request: Omit<DecodeRequest, 'id'>): Promise<unknown> {
  if (request.parser === undefined) {
    const { decodeBody } = await import('./decode-body.ts')
    return decodeBody(request.text, request.format, request.path)
  }
  const { decodeAndParse } = await import('./decode-message.ts')
  return decodeAndParse(request)
}

/**
 * decodeBody(text, format, path), and the named page parser when given, off the main thread when a Worker is
 * available; the same result either way.
 */
export async function decodeOffThread(
  text: string,
  format: WireFormat,
  path = '',
  parser?: PageParserName,
): Promise<unknown> {
  const target = pickWorker()
  if (!target) return decodeHere({ text, format, path, parser })
  const id = nextId++
  const request: DecodeRequest = { id, text, format, path, parser }
  try {
    return await new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, worker: target })
      target.postMessage(request)
    })
  } catch (error) {
    if (error instanceof WorkerUnavailable) return decodeHere({ text, format, path, parser })
    throw error
  }
}
