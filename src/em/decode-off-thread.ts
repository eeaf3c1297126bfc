// decodeBody in a Web Worker, so a 1,000-session XML page never blocks the main thread, and the XML parser is
// fetched with the worker instead of with the first page. Where there is no Worker (Vitest, jsdom) or it fails to
// start, the same decodeBody runs here, loaded on demand; both paths give the same documents and errors.
import type { DecodeFailure, DecodeReply, DecodeRequest, WorkerParser } from './decode-message.ts'
import { EmHttpError, EmParseError } from './errors.ts'
import type { WireFormat } from './wire-format.ts'

interface Pending {
  resolve: (doc: unknown) => void
  reject: (error: unknown) => void
}

let worker: Worker | null = null
let workerBroken = false
let nextId = 1
const pending = new Map<number, Pending>()

/** The error decodeBody threw, rebuilt from its description. */
export function rebuildFailure(failure: DecodeFailure): Error {
  if (failure.kind === 'http') return new EmHttpError(failure.status, failure.emMessage, failure.path)
  if (failure.kind === 'parse') return new EmParseError(failure.message, failure.excerpt ?? undefined)
  return new Error(failure.message)
}

function startWorker(): Worker | null {
  if (workerBroken || typeof Worker === 'undefined') return null
  if (worker) return worker
  try {
    worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module', name: 'em-decode' })
  } catch {
    workerBroken = true
    return null
  }
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
    worker?.terminate()
    worker = null
    const stranded = [...pending.values()]
    pending.clear()
    for (const waiting of stranded) waiting.reject(new WorkerUnavailable())
  })
  return worker
}

class WorkerUnavailable extends Error {}

async function decodeHere(request: Omit<DecodeRequest, 'id'>): Promise<unknown> {
  const { decodeAndParse } = await import('./decode-message.ts')
  return decodeAndParse(request)
}

/**
 * decodeBody(text, format, path), and then the `parse` parser when given, off the main thread when a Worker is
 * available; the same result either way.
 */
export async function decodeOffThread(
  text: string,
  format: WireFormat,
  path = '',
  parse?: WorkerParser,
): Promise<unknown> {
  const target = startWorker()
  const body = { text, format, path, ...(parse ? { parse } : {}) }
  if (!target) return decodeHere(body)
  const id = nextId++
  const request: DecodeRequest = { id, ...body }
  try {
    return await new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject })
      target.postMessage(request)
    })
  } catch (error) {
    if (error instanceof WorkerUnavailable) return decodeHere(body)
    throw error
  }
}
