// The built app for `npm run serve`: files from dist/ with their types and cache rules, and index.html for any
// other path so deep links (/sessions/…, /wall?…) load the app. Nothing outside dist/ is ever read.
// Not sirv: with Vite 8 it is no longer in the tree (Vite bundles its own copy), and sirv 3.0.2 answers a suffix
// range (`Range: bytes=-500`) with the file's first bytes; hashed assets cached for a year need neither.
import { createReadStream, type Stats, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, sep } from 'node:path'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
}

// Vite names every file under assets/ by its content hash, so a changed file is a new URL; index.html and the
// version document must be asked for again each time, or a wall screen would never see a new build.
function cacheControl(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
}

function fileAt(root: string, urlPath: string): { file: string; stats: Stats } | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = normalize(join(root, decoded))
  if (file !== root && !file.startsWith(root + sep)) return null
  try {
    const stats = statSync(file)
    return stats.isFile() ? { file, stats } : null
  } catch {
    return null
  }
}

/** Answers GET and HEAD from `root` (an absolute dist/ path); other methods get 405. */
export function serveStatic(root: string) {
  const base = normalize(root)
  return (req: IncomingMessage, res: ServerResponse): void => {
    const method = req.method ?? 'GET'
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('Method not allowed\n')
      return
    }
    const urlPath = new URL(req.url ?? '/', 'http://app').pathname
    const found = fileAt(base, urlPath)
    // A missing asset is a 404, never the app's HTML (a script tag would then run HTML as JavaScript).
    if (found === null && (urlPath.startsWith('/assets/') || extname(urlPath) !== '')) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache' })
      res.end('Not found\n')
      return
    }
    const served = found ?? fileAt(base, '/index.html')
    if (served === null) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
      res.end('The built app is missing index.html: run npm run build\n')
      return
    }
    const path = found ? urlPath : '/index.html'
    res.writeHead(200, {
      'Content-Type': TYPES[extname(served.file)] ?? 'application/octet-stream',
      'Content-Length': served.stats.size,
      'Cache-Control': cacheControl(path),
    })
    if (method === 'HEAD') {
      res.end()
      return
    }
    createReadStream(served.file).pipe(res)
  }
}
