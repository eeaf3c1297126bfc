import { createServer, request, type ServerResponse } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { close, listen, memoryLog, send, startFakeEm, startProxy } from './test-servers.ts'

const cleanups: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function proxyTo(emUrl: string, extraEnv: Record<string, string> = {}) {
  const proxy = await startProxy({
    contentSecurityPolicy: true,
    env: { EM_URL: emUrl, ...extraEnv },
    log: memoryLog().log,
  })
  cleanups.push(proxy.close)
  return proxy.port
}

describe('when EM cannot answer', () => {
  it('answers 502 with the unreachable JSON body when the connection is refused', async () => {
    const placeholder = createServer()
    const freePort = await listen(placeholder)
    await close(placeholder)
    const port = await proxyTo(`https://127.0.0.1:${freePort}/api/`)

    const answer = await send(port, '/api/')
    expect(answer.status).toBe(502)
    expect(answer.headers['content-type']).toBe('application/json')
    expect(answer.headers['cache-control']).toBe('no-store')
    expect(JSON.parse(answer.body.toString())).toEqual({
      error: 'unreachable',
      host: `127.0.0.1:${freePort}`,
      message: `Cannot reach Enterprise Manager at 127.0.0.1:${freePort}: connection refused`,
    })
  })

  it('answers 504 when EM sends no headers within EM_TIMEOUT_MS, and drops the request to EM', async () => {
    let upstreamClosed: Promise<void> = Promise.resolve()
    const em = await startFakeEm((_, res: ServerResponse) => {
      upstreamClosed = new Promise((resolve) => res.on('close', () => resolve()))
    })
    cleanups.push(() => close(em.server))
    const port = await proxyTo(em.url, { EM_TIMEOUT_MS: '150' })

    const answer = await send(port, '/api/query?type=ReplicaJobSession')
    expect(answer.status).toBe(504)
    expect(JSON.parse(answer.body.toString())).toEqual({
      error: 'unreachable',
      host: `127.0.0.1:${em.port}`,
      message: `Cannot reach Enterprise Manager at 127.0.0.1:${em.port}: no answer within 150 ms (EM_TIMEOUT_MS)`,
    })
    await upstreamClosed
  })

  it('aborts the request to EM when the browser hangs up', async () => {
    let reachedEm: () => void = () => {}
    const reached = new Promise<void>((resolve) => {
      reachedEm = resolve
    })
    let upstreamClosed: Promise<boolean> = Promise.resolve(false)
    const em = await startFakeEm((_, res) => {
      upstreamClosed = new Promise((resolve) => res.on('close', () => resolve(!res.writableFinished)))
      reachedEm()
    })
    cleanups.push(() => close(em.server))
    const port = await proxyTo(em.url)

    const socket = connect(port, '127.0.0.1')
    socket.write('GET /api/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    await reached
    socket.destroy()
    expect(await upstreamClosed).toBe(true)
  })

  it('cuts the browser off too when EM breaks off in the middle of a body', async () => {
    const em = await startFakeEm((_, res) => {
      res.writeHead(200, { 'Content-Length': '100' })
      res.write('0123456789', () => res.destroy())
    })
    cleanups.push(() => close(em.server))
    const port = await proxyTo(em.url)

    const complete = await new Promise<boolean>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/jobs', agent: false })
      req.on('response', (res) => {
        res.on('error', () => {})
        res.on('close', () => resolve(res.complete))
        res.resume()
      })
      req.on('error', reject)
      req.end()
    })
    expect(complete).toBe(false)
  })

  it('aborts the request to EM when the browser hangs up in the middle of a body', async () => {
    let upstreamClosed: Promise<boolean> = Promise.resolve(false)
    const em = await startFakeEm((_, res) => {
      upstreamClosed = new Promise((resolve) => res.on('close', () => resolve(!res.writableFinished)))
      res.writeHead(200, { 'Content-Length': '100' })
      res.write('0123456789')
    })
    cleanups.push(() => close(em.server))
    const port = await proxyTo(em.url)

    const req = request({ host: '127.0.0.1', port, path: '/api/jobs', agent: false })
    req.on('error', () => {})
    await new Promise<void>((resolve) => {
      req.on('response', (res) => res.once('data', () => resolve()))
      req.end()
    })
    req.destroy()
    expect(await upstreamClosed).toBe(true)
  })
})
