import type { ChildProcess } from 'node:child_process'

const endingSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Ties a child process to this one: the returned `stop()` sends SIGTERM to the child's PID, SIGKILL after `graceMs`, and resolves once it has exited; until then the child also gets SIGTERM when this process exits or receives SIGINT, SIGTERM or SIGHUP. */
export function superviseChild(child: ChildProcess, graceMs: number): () => Promise<void> {
  const hasExited = (): boolean => child.exitCode !== null || child.signalCode !== null
  const exited = new Promise<void>((resolve) => {
    if (hasExited()) resolve()
    child.once('exit', () => resolve())
    // A child that never started has no PID and will never emit 'exit'.
    child.once('error', () => {
      if (child.pid === undefined) resolve()
    })
  })
  const send = (signal: NodeJS.Signals): void => {
    // child.kill targets child.pid and skips a child already reaped, so a recycled PID is never hit.
    if (!hasExited()) child.kill(signal)
  }

  const onExit = (): void => send('SIGTERM')
  const onSignal = (signal: NodeJS.Signals): void => {
    send('SIGTERM')
    unhook()
    // Listening cancelled Node's default action; re-raise it unless another handler (Vite's SIGTERM one) ends the process.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
  }
  const unhook = (): void => {
    process.off('exit', onExit)
    for (const signal of endingSignals) process.off(signal, onSignal)
  }
  process.on('exit', onExit)
  // Prepended so that, when this runs, the listener count still includes handlers registered before us.
  for (const signal of endingSignals) process.prependListener(signal, onSignal)
  void exited.then(unhook)

  let stopping: Promise<void> | undefined
  return () => {
    stopping ??= (async () => {
      send('SIGTERM')
      const killTimer = setTimeout(() => send('SIGKILL'), graceMs)
      await exited
      clearTimeout(killTimer)
    })()
    return stopping
  }
}
