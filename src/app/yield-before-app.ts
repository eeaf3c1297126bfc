// The second break in the evaluation of the start-up code (yield-before-react.ts says why): React's start-up code
// is evaluated before it, the app's own modules after it, in a later task.
import { yieldToMain } from '@/lib/yield-to-main.ts'

await yieldToMain()
