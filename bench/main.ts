// `npm run bench`: every figure against its budget, as a table and as bench/results.json (git-ignored).
// `npm run bench -- --smoke`: one small iteration, no budgets, so `npm test` proves the bench still runs.
// `npm run bench -- --long-soak`: adds the week-long wall soak (issue 18), about 40 minutes more.
// Exit code 1 when a full run misses a budget, or when any run leaves a figure unmeasured (report.ts).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { type BrowserStack, startBrowserStack } from './browser-stack.ts'
import { benchBundle, buildApp } from './bundle-bench.ts'
import { benchEmulator } from './emulator-bench.ts'
import { benchExplorer } from './explorer-bench.ts'
import { benchParse } from './parse-bench.ts'
import { benchProtection } from './protection-bench.ts'
import { exitCodeOf, type Figure, judge, renderTable, summaryOf } from './report.ts'
import { benchServiceLoad } from './service-bench.ts'
import { benchEmLoad, benchWallSoak, LONG_SOAK } from './wall-bench.ts'

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    // The week-long wall soak (10,000 refreshes at 60 s on a fake clock) takes four times as long as the rest: opt in.
    'long-soak': { type: 'boolean', default: false },
  },
})
const smoke = values.smoke ?? false
const longSoak = values['long-soak'] ?? false

const figures: Figure[] = []
buildApp()
figures.push(...benchBundle())
figures.push(
  ...(await benchParse(
    smoke ? { sizes: [100, 1000], iterations: 1 } : { sizes: [100, 1000, 10_000], iterations: 15 },
  )),
)

// Browser figures against the bench build served by `vite preview`; every process is stopped, even on failure.
// Each phase names the emulator it wants; the smoke run gives them all one stack on the default data set, since
// starting an emulator, a preview and Chromium costs more than its small iterations.
const protectionSize = smoke ? [] : ['--vms', '2000', '--jobs', '150', '--days', '30']
const browserPhases: { emulatorArgs: string[]; run: (stack: BrowserStack) => Promise<Figure[]> }[] = [
  {
    emulatorArgs: [],
    run: async (stack) => [
      ...(await benchExplorer(stack, smoke ? 1 : 5, smoke ? 1 : 10)),
      ...(await benchEmLoad(stack, smoke)),
    ],
  },
  // A small EM for the soak: it looks for what grows per refresh, and small pages make 1,000 refreshes quick.
  {
    emulatorArgs: ['--sessions', '300'],
    run: async (stack) => [
      ...(await benchWallSoak(stack, smoke ? { cycles: 10, baseline: 5 } : { cycles: 1000, baseline: 50 })),
      ...(longSoak ? await benchWallSoak(stack, LONG_SOAK) : []),
    ],
  },
  // The protection view at the size: 2,000 VMs in 150 jobs with 30 days of history (the emulator's layout).
  {
    emulatorArgs: protectionSize,
    run: (stack) =>
      benchProtection(stack, smoke ? 1 : 3, smoke ? 'default data set' : '2,000 VMs, 150 jobs, 30 days'),
  },
]

async function withStack(emulatorArgs: readonly string[], run: (stack: BrowserStack) => Promise<void>) {
  const stack = await startBrowserStack(emulatorArgs)
  try {
    await run(stack)
  } finally {
    await stack.close()
  }
}

if (smoke) {
  await withStack([], async (stack) => {
    for (const phase of browserPhases) figures.push(...(await phase.run(stack)))
  })
} else {
  for (const phase of browserPhases) {
    await withStack(phase.emulatorArgs, async (stack) => {
      figures.push(...(await phase.run(stack)))
    })
  }
}

figures.push(
  ...(await benchEmulator(smoke ? { sessions: 3000, iterations: 1 } : { sessions: 200_000, iterations: 30 })),
)
// Wall screens against `npm run serve` in kiosk mode: one copy, then two behind nginx (Debian's, as deployed).
figures.push(...(await benchServiceLoad(smoke)))

const verdicts = judge(figures, smoke)
console.log(renderTable(verdicts))
const resultsFile = new URL(smoke ? './results-smoke.json' : './results.json', import.meta.url)
writeFileSync(resultsFile, `${JSON.stringify({ at: new Date().toISOString(), smoke, verdicts }, null, 2)}\n`)
console.log(`\n${summaryOf(verdicts, smoke)}`)
process.exitCode = exitCodeOf(verdicts)
