// Makes the first screens' Intl formatters in a worker, so the main thread's own cost almost nothing
// (intl-warm-up.ts says why): the explorer's and the detail view's times, the zone name, counts, and the wall's
// clock and hours.
import { formatLocal, localZoneName } from '@/lib/format-time.ts'

formatLocal(0)
localZoneName(0)
new Intl.DateTimeFormat(undefined, {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
}).format(0)
;(1234.5).toLocaleString()
self.postMessage('warm')
