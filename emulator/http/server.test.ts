import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from './start.ts'
import { basic, dig, errorOf, JSON_ACCEPT, logon, parseXml, send } from './test-client.ts'

let em: RunningEmulator

beforeAll(async () => {
  em = await startEmulator({ sessions: 100 })
})
afterAll(() => em.close())

/** Writes raw bytes on a fresh socket and returns everything the server sends until it closes. */
function raw(bytes: string, closeAfterMs = 2000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(em.port, '127.0.0.1', () => socket.write(bytes))
    let received = ''
    socket.setEncoding('latin1')
    socket.on('data', (chunk: string) => {
      received += chunk
    })
    // A response we expect to be complete is read until the server closes or the generous deadline passes.
    const timer = setTimeout(() => socket.end(), closeAfterMs)
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(received)
    })
    socket.on('error', reject)
  })
}

function headerOf(response: string, name: string): string | undefined {
  const head = response.split('\r\n\r\n')[0] ?? ''
  const line = head.split('\r\n').find((item) => item.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line?.slice(name.length + 1).trim()
}

describe('HTTP transport', () => {
  it('answers a logon sent with both Transfer-Encoding: chunked and Content-Length: 0', async () => {
    const auth = basic('admin', 'admin')
    const request = `POST /api/sessionMngr/?v=latest HTTP/1.1\r\nHost: em\r\nAuthorization: ${auth}\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\nConnection: close\r\n\r\n0\r\n\r\n`
    const response = await raw(request)
    expect(response.startsWith('HTTP/1.1 201 Created\r\n')).toBe(true)
    expect(headerOf(response, 'X-RestSvcSessionId')).toMatch(/^[A-Za-z0-9+/]{48}$/)
  })

  it('answers that logon even when the last chunk never comes', async () => {
    const auth = basic('admin', 'admin')
    const request = `POST /api/sessionMngr/?v=latest HTTP/1.1\r\nHost: em\r\nAuthorization: ${auth}\r\nTransfer-Encoding: chunked\r\nContent-Length: 0\r\n\r\n`
    const response = await raw(request, 1500)
    expect(response.startsWith('HTTP/1.1 201 Created\r\n')).toBe(true)
  })

  it('sends Content-Length, never chunked, with EM reason phrases and Server header', async () => {
    const token = await logon(em.url)
    const cases = [
      ['/api/', 200, 'OK', {}],
      ['/api/replicaSessions?format=Entity', 200, 'OK', { 'X-RestSvcSessionId': token }],
      ['/api/jobs', 401, 'Unauthorized', {}],
      ['/api/nothing', 404, 'NotFound', { 'X-RestSvcSessionId': token }],
      ['/api/query', 400, 'BadRequest', { 'X-RestSvcSessionId': token }],
    ] as const
    for (const [path, status, phrase, headers] of cases) {
      for (const accept of [{}, JSON_ACCEPT]) {
        const reply = await send(em.url, path, { headers: { ...headers, ...accept } })
        expect(reply.status).toBe(status)
        expect(reply.statusMessage).toBe(phrase)
        expect(reply.headers['transfer-encoding']).toBeUndefined()
        expect(reply.headers['content-length']).toBe(String(reply.body.length))
        expect(reply.headers.server).toBe('Microsoft-HTTPAPI/2.0')
        expect(reply.headers['content-type']).toMatch(/^application\/(xml|json)$/)
      }
    }
    const wrongMethod = await send(em.url, '/api/jobs', {
      method: 'PUT',
      headers: { 'X-RestSvcSessionId': token },
    })
    expect(wrongMethod.statusMessage).toBe('MethodNotAllowed')
    expect(wrongMethod.headers.allow).toBe('GET')
    expect(errorOf(wrongMethod).status).toBe(405)
  })

  it('starts XML bodies with the declaration and sends no BOM by default, one when switched on', async () => {
    const xml = await send(em.url, '/api/')
    expect(xml.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true)
    const json = await send(em.url, '/api/', { headers: JSON_ACCEPT })
    expect(json.body[0]).toBe(0x7b)
    em.context.config.bom = true
    try {
      const withBom = await send(em.url, '/api/', { headers: JSON_ACCEPT })
      expect([...withBom.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      expect(withBom.headers['content-length']).toBe(String(withBom.body.length))
    } finally {
      em.context.config.bom = false
    }
  })

  it('answers an unparsable request with 400 and an Error body, then keeps serving', async () => {
    const response = await raw('GARBAGE\r\n\r\n')
    expect(response.startsWith('HTTP/1.1 400 BadRequest\r\n')).toBe(true)
    const body = response.slice(response.indexOf('\r\n\r\n') + 4)
    expect(Number(headerOf(response, 'Content-Length'))).toBe(Buffer.byteLength(body, 'latin1'))
    expect(dig(parseXml(body), 'Error', 'StatusCode')).toBe('400')
    expect((await send(em.url, '/api/')).status).toBe(200)
  })

  it('answers a request with oversized headers with 400', async () => {
    const response = await raw(`GET /api/ HTTP/1.1\r\nHost: em\r\nX-Big: ${'a'.repeat(100_000)}\r\n\r\n`)
    expect(response.startsWith('HTTP/1.1 400 BadRequest\r\n')).toBe(true)
  })

  it('serves keep-alive requests on one connection', async () => {
    const response = await raw(
      'GET /api/ HTTP/1.1\r\nHost: em\r\n\r\nGET /api/ HTTP/1.1\r\nHost: em\r\nConnection: close\r\n\r\n',
    )
    expect(response.match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2)
  })
})
