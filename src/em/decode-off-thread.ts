// decodeBody in Web Workers, so a 1,000-session XML page never blocks the main thread, and the XML parser is
// fetched with the worker instead of with the first page. A second worker starts when the first is busy: a screen
// that reads several large pages at once (the protection view) decodes them side by side. Where there is no Worker
// (Vitest, jsdom) or it fails to start, the same decodeBody runs here, loaded on demand; both paths give the same
// documents and errors.
import { isRecord } from '@/lib/is-record.ts'
import type { DecodeFailure, DecodeMessage, DecodeRequest } from './decode-message.ts'
import { EmHttpError, EmParseError } from './errors.ts'
import type { PageParserName } from './page-parsers.ts'
import type { WireFormat } from './wire-format.ts'

interface Waiting {
  request: DecodeRequest
  resolve: (doc: unknown) => void
  reject: (error: unknown) => void
  /** A page whose items come in several messages (decode-message.ts): what came so far. */
  partial?: { doc: Record<string, unknown>; items: unknown[]; more: number }
}

// Two: pages arrive a few at a time, and the machine's other cores serve the page and the browser itself.
const MAX_WORKERS = 2
// Each worker holds one body at a time; the others wait here, so the smallest goes next. A one-item count probe
// that arrives behind a 2 MB page of jobs is decoded in milliseconds instead of after it (the protection view asks
// for every page of points only once that count is known).
const queue: Waiting[] = []
const current = new Map<Worker, Waiting | null>()
let workerBroken = false
let nextId = 1

/** The error decodeBody threw, rebuilt from its description. */
export function rebuildFailure(failure: DecodeFailure): Error {
  if (failure.kind === 'http') return new EmHttpError(failure.status, failure.emMessage, failure.path)
  if (failure.kind === 'parse') return new EmParseError(failure.message, failure.excerpt ?? undefined)
  return new Error(failure.message)
}

class WorkerUnavailable extends Error {}

// A worker that cannot load (a CSP without worker-src 'self', say) must not fail every query: decode here.
function giveUp(): void {
  workerBroken = true
  const stranded = [...queue.splice(0), ...current.values()]
  for (const worker of current.keys()) worker.terminate()
  current.clear()
  for (const waiting of stranded) waiting?.reject(new WorkerUnavailable())
}

function startWorker(): Worker | null {
  let worker: Worker
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'em-decode' })
  } catch {
    return null
  }
  current.set(worker, null)
  worker.addEventListener('message', (event: MessageEvent<DecodeMessage>) => {
    const waiting = current.get(worker)
    if (waiting && waiting.request.id === event.data.id && !settle(waiting, event.data)) return
    current.set(worker, null)
    dispatch()
  })
  worker.addEventListener('error', giveUp)
  return worker
}

/** Takes one message of a worker's answer; true once the answer is complete (settled). */
function settle(waiting: Waiting, message: DecodeMessage): boolean {
  if ('part' in message) {
    const partial = waiting.partial
    if (!partial) return true
    partial.items.push(...message.part)
    partial.more -= 1
    if (partial.more > 0) return false
    waiting.resolve({ ...partial.doc, items: partial.items })
    return true
  }
  if (!message.ok) {
    waiting.reject(rebuildFailure(message.error))
    return true
  }
  const { doc, more = 0 } = message
  if (more > 0 && isRecord(doc) && Array.isArray(doc.items)) {
    waiting.partial = { doc, items: [...doc.items], more }
    return false
  }
  waiting.resolve(doc)
  return true
}

function idleWorker(): Worker | null {
  for (const [worker, waiting] of current) if (waiting === null) return worker
  return current.size < MAX_WORKERS ? startWorker() : null
}

// Hands the smallest waiting body to each idle worker.
function dispatch(): void {
  while (queue.length > 0) {
    const worker = idleWorker()
    if (!worker) {
      if (current.size === 0) giveUp()
      return
    }
    let smallest = 0
    for (let i = 1; i < queue.length; i++)
      if ((queue[i]?.request.text.length ?? 0) < (queue[smallest]?.request.text.length ?? 0)) smallest = i
    const [next] = queue.splice(smallest, 1)
    if (!next) return
    current.set(worker, next)
    worker.postMessage(next.request)
  }
}

/**
 * Starts the workers `bodies` bodies on their way will need (up to MAX_WORKERS), so a worker loads its script
 * and the XML parser while EM is still answering, not after the first body arrives.
 */
export function expectBodies(bodies: number): void {
  if (workerBroken || typeof Worker === 'undefined') return
  let busy = queue.length
  for (const waiting of current.values()) if (waiting !== null) busy += 1
  while (current.size < Math.min(MAX_WORKERS, bodies + busy)) if (!startWorker()) return
}

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
  if (workerBroken || typeof Worker === 'undefined') return decodeHere({ text, format, path, parser })
  const request: DecodeRequest = { id: nextId++, text, format, path, parser }
  try {
    return await new Promise((resolve, reject) => {
      queue.push({ request, resolve, reject })
      dispatch()
    })
  } catch (error) {
    if (error instanceof WorkerUnavailable) return decodeHere({ text, format, path, parser })
    throw error
  }
}
