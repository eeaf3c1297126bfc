// /readyz's verdict: EM answered within the last interval, and (kiosk mode) the kiosk session is signed in. An idle
// proxy has no recent answer of its own, so it asks EM's entry point, which needs no session (em-api.md §2), at
// most once per interval and only when /readyz is asked: a busy proxy adds no request to EM at all.
import type { EmWatch } from './em-watch.ts'
import type { KioskAccess } from './kiosk-self-check.ts'
import type { KioskSession, KioskSessionStatus } from './kiosk-session.ts'

/** The wall's default refresh: readiness means EM answered within one. */
export const READY_INTERVAL_MS = 30_000

/** Remembers when EM last answered anything but a 5xx (a 401 or 403 still shows EM up and deciding). */
export function createEmHealth(now: () => number = Date.now): {
  watch: EmWatch
  lastAnswerAt(): number | null
} {
  let last: number | null = null
  return {
    watch: () => ({
      answered: (status) => {
        if (status < 500) last = now()
      },
      failed: () => undefined,
      abandoned: () => undefined,
    }),
    lastAnswerAt: () => last,
  }
}

export type ReadyBody = {
  status: 'ready' | 'not_ready' | 'draining'
  em: { ok: boolean; lastAnswerSecondsAgo: number | null }
  kiosk:
    | { mode: 'off' }
    | {
        mode: 'on'
        ok: boolean
        session: KioskSessionStatus['state']
        /** The privilege self-check's outcome: `checking`, `checked` or `failed`. */
        access: Exclude<KioskAccess['state'], 'off'> | 'off'
        /** What the wall does without, in its own words ("jobs not readable by this account"). */
        reduced: string[]
      }
}

export type Readiness = {
  check(): Promise<{ ready: boolean; body: ReadyBody }>
  /** From now on not ready: the process is shutting down (SIGTERM). */
  drain(): void
}

export function createReadiness(options: {
  lastAnswerAt(): number | null
  /** Asks EM something cheap; resolves whatever the outcome (the watch records an answer). */
  probe(): Promise<void>
  kiosk?: { session: KioskSession; access(): KioskAccess }
  intervalMs?: number
  now?: () => number
}): Readiness {
  const now = options.now ?? Date.now
  const intervalMs = options.intervalMs ?? READY_INTERVAL_MS
  let draining = false
  let probing: Promise<void> | null = null
  let lastProbeAt = Number.NEGATIVE_INFINITY
  const recent = () => {
    const at = options.lastAnswerAt()
    return at !== null && now() - at < intervalMs
  }

  return {
    async check() {
      if (!recent() && !draining && now() - lastProbeAt >= intervalMs) {
        lastProbeAt = now()
        probing ??= options.probe().finally(() => {
          probing = null
        })
      }
      if (probing !== null) await probing
      const at = options.lastAnswerAt()
      const em = { ok: recent(), lastAnswerSecondsAgo: at === null ? null : Math.round((now() - at) / 1000) }
      const kiosk = kioskPart(options.kiosk)
      const ready = !draining && em.ok && (kiosk.mode === 'off' || kiosk.ok)
      const status = draining ? 'draining' : ready ? 'ready' : 'not_ready'
      return { ready, body: { status, em, kiosk } }
    },
    drain: () => {
      draining = true
    },
  }
}

function kioskPart(kiosk: { session: KioskSession; access(): KioskAccess } | undefined): ReadyBody['kiosk'] {
  if (kiosk === undefined) return { mode: 'off' }
  const session = kiosk.session.status().state
  const access = kiosk.access()
  return {
    mode: 'on',
    ok: session === 'signed-in',
    session,
    access: access.state,
    reduced: access.state === 'checked' ? access.reduced : [],
  }
}
