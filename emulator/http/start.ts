import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { FaultState } from '../control/fault-state.ts'
import { RequestStats } from '../control/request-stats.ts'
import { createEmContext, type EmContext, type EmContextOptions } from '../handlers/context.ts'
import { createEmServer } from './server.ts'
import { createTlsCertificate } from './tls-certificate.ts'

export interface StartOptions extends EmContextOptions {
  /** 0 (the default here) picks a free port. */
  port?: number
  host?: string
  /** HTTPS with a self-signed certificate generated now and written to `caFile`. */
  tls?: boolean
  /** Mounts the `/__emulator/` control surface. */
  control?: boolean
}

export interface RunningEmulator {
  /** Base URL ending in `/api/`. */
  url: string
  port: number
  /** PEM of the self-signed certificate, for a client's trust store; removed by close(). */
  caFile?: string
  context: EmContext
  close(): Promise<void>
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1'
  return host.includes(':') ? `[${host}]` : host
}

/** Starts an emulator in this process; tests use port 0 and must call close(). */
export async function startEmulator(options: StartOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? '127.0.0.1'
  const context = createEmContext(options)
  let tls: { key: string; cert: string } | undefined
  let certDir: string | undefined
  if (options.tls === true) {
    tls = await createTlsCertificate([host, new URL(context.config.publicUrl).hostname])
    certDir = await mkdtemp(join(tmpdir(), 'em-emulator-'))
    await writeFile(join(certDir, 'certificate.pem'), tls.cert)
  }
  const em = createEmServer({
    context,
    faults: new FaultState(),
    stats: new RequestStats(),
    control: options.control === true,
    tls,
  })
  await new Promise<void>((resolve, reject) => {
    em.server.once('error', reject)
    em.server.listen(options.port ?? 0, host, () => {
      em.server.off('error', reject)
      resolve()
    })
  }).catch(async (error: unknown) => {
    if (certDir !== undefined) await rm(certDir, { recursive: true, force: true })
    throw error
  })
  const address = em.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `${tls ? 'https' : 'http'}://${urlHost(host)}:${port}/api/`,
    port,
    caFile: certDir === undefined ? undefined : join(certDir, 'certificate.pem'),
    context,
    close: async () => {
      await em.close()
      if (certDir !== undefined) await rm(certDir, { recursive: true, force: true })
    },
  }
}
