import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningEmulator, startEmulator } from './start.ts'

let em: RunningEmulator

beforeAll(async () => {
  em = await startEmulator({ sessions: 10, tls: true, publicUrl: 'https://em.corp.test:9398/api/' })
})
afterAll(() => em.close())

function get(host: string, servername: string | undefined, ca: Buffer): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port: em.port, path: '/api/', ca, servername, agent: false }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('--tls', () => {
  it('serves HTTPS that a client trusting the written certificate verifies', async () => {
    expect(em.url).toBe(`https://127.0.0.1:${em.port}/api/`)
    const caFile = em.caFile ?? ''
    const ca = readFileSync(caFile)
    expect(ca.toString('utf8')).toContain('BEGIN CERTIFICATE')
    expect(await get('127.0.0.1', undefined, ca)).toBe(200)
    expect(await get('localhost', undefined, ca)).toBe(200)
    expect(await get('127.0.0.1', 'em.corp.test', ca)).toBe(200)
    await expect(get('127.0.0.1', 'other.test', ca)).rejects.toThrow(/altnames|Hostname/i)
  })

  it('is refused by a client that does not trust it', async () => {
    await expect(
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: em.port, path: '/api/', agent: false }, resolve)
        req.on('error', reject)
        req.end()
      }),
    ).rejects.toThrow(/self[- ]signed/i)
  })
})
