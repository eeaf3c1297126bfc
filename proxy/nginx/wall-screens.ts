// Simulated wall screens: each polls its bookmark's queries (wall-mix.ts) every interval with the kiosk key,
// as the wall does, starting at a random moment within the first interval. Every answer is written down, so a
// test can say whether any screen ever went without its data.
import { Agent as HttpAgent, request as httpRequest } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { WALL_BOOKMARKS, wallRequestPaths } from './wall-mix.ts'

export type ScreenAnswer = {
  screen: number
  path: string
  status: number
  at: number
  bytes: number
  error?: string
}

export type ScreenTarget = { port: number; key: string; tls?: { ca: Buffer; servername: string } }

/** Runs `screens` screens for `durationMs`, spread over the bookmarks; resolves with every answer they got. */
export async function runWallScreens(options: {
  target: ScreenTarget
  screens: number
  intervalS: number
  durationMs: number
}): Promise<ScreenAnswer[]> {
  const { target } = options
  const answers: ScreenAnswer[] = []
  const agent = target.tls
    ? new HttpsAgent({ keepAlive: true, maxSockets: options.screens, ca: target.tls.ca })
    : new HttpAgent({ keepAlive: true, maxSockets: options.screens })
  const get = (screen: number, path: string): Promise<void> =>
    new Promise((resolve) => {
      const send = target.tls ? httpsRequest : httpRequest
      const req = send(
        {
          host: '127.0.0.1',
          port: target.port,
          path,
          agent,
          ...(target.tls ? { servername: target.tls.servername } : {}),
          headers: {
            Host: target.tls?.servername ?? '127.0.0.1',
            Accept: 'application/xml',
            'Accept-Encoding': 'gzip',
            'X-Kiosk-Key': target.key,
            'X-Refresh-Interval': String(options.intervalS),
          },
        },
        (res) => {
          let bytes = 0
          res.on('data', (chunk: Buffer) => {
            bytes += chunk.length
          })
          res.on('end', () => {
            answers.push({ screen, path, status: res.statusCode ?? 0, at: Date.now(), bytes })
            resolve()
          })
          res.on('error', (error) => {
            answers.push({ screen, path, status: 0, at: Date.now(), bytes, error: error.message })
            resolve()
          })
        },
      )
      req.on('error', (error) => {
        answers.push({ screen, path, status: 0, at: Date.now(), bytes: 0, error: error.message })
        resolve()
      })
      req.end()
    })
  const end = Date.now() + options.durationMs
  const screen = async (index: number): Promise<void> => {
    const paths = wallRequestPaths(WALL_BOOKMARKS[index % WALL_BOOKMARKS.length] ?? {})
    await new Promise((resolve) => setTimeout(resolve, Math.random() * options.intervalS * 1000))
    while (Date.now() < end) {
      const round = Date.now()
      await Promise.all(paths.map((path) => get(index, path)))
      const wait = round + options.intervalS * 1000 - Date.now()
      if (Date.now() + wait >= end) break
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait)))
    }
  }
  await Promise.all(Array.from({ length: options.screens }, (_, index) => screen(index)))
  agent.destroy()
  return answers
}
