// Runs the protection computation a slice at a time, handing the main thread back between slices, so 2,000 VMs
// never block the browser for long (issue 14: no task over 100 ms).
import { protectionSteps } from './protection-model.ts'
import type { ProtectionInput, ProtectionView } from './protection-types.ts'

// A message to itself runs as a new task right away; setTimeout(0) would be clamped to 4 ms after a few.
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}

/** computeProtection, yielding to the browser between its steps; stops early when `signal` aborts. */
export async function computeInSlices(input: ProtectionInput, signal?: AbortSignal): Promise<ProtectionView> {
  const steps = protectionSteps(input)
  for (;;) {
    // Yield first too: the caller (a query starting in React's commit) must not carry the first step in its task.
    await nextTask()
    signal?.throwIfAborted()
    const step = steps.next()
    if (step.done) return step.value
  }
}
