import type { IncomingMessage, ServerResponse } from 'node:http'
import { CONTROL_PREFIX, type ControlDeps, handleControl } from '../control/control-surface.ts'
import { SERVER_HEADER } from '../handlers/respond.ts'
import { writeResponse } from './write-response.ts'

const MAX_BODY_BYTES = 1_000_000

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= MAX_BODY_BYTES) chunks.push(chunk)
    })
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined))
    req.on('error', reject)
  })
}

function parseJson(raw: Buffer): unknown {
  const text = raw.toString('utf8').trim()
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

function json(status: number, value: unknown, headers: Record<string, string> = {}) {
  const body = Buffer.from(JSON.stringify(value), 'utf8')
  return {
    status,
    headers: {
      Server: SERVER_HEADER,
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...headers,
    },
    body,
  }
}

/** Serves `/__emulator/…`: JSON in, JSON out. */
export async function serveControl(
  req: IncomingMessage,
  res: ServerResponse,
  deps: ControlDeps,
): Promise<void> {
  const raw = await readBody(req)
  if (raw === undefined) return writeResponse(res, json(413, { error: 'Body too large.' }))
  const path = (req.url ?? '').slice(CONTROL_PREFIX.length).split('?')[0] ?? ''
  const reply = handleControl({ method: req.method ?? 'GET', path, body: parseJson(raw) }, deps)
  writeResponse(res, json(reply.status, reply.body, reply.headers))
}
