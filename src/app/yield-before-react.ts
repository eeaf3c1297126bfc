// A break in the evaluation of the start-up code (main.tsx imports it first): the vendor chunk is evaluated
// before it, React's own start-up code after it, in a later task. A module that awaits at its top level holds
// back every module imported after it until the await ends, so the browser may run other work in between.
// Evaluated in one task, the start-up modules took 20-35 ms and, on a busy 2-core machine, one load in ten
// took over 50 ms (issue 18).
import { yieldToMain } from '@/lib/yield-to-main.ts'

await yieldToMain()
