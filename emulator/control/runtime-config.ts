import type { EmConfig } from '../handlers/context.ts'

const END_TIME_MODES = ['sentinel', 'empty', 'absent'] as const
const TASK_PATH_SPELLINGS = ['replicaTaskSessions', 'repicaTaskSessions'] as const

export type RuntimeConfig = Pick<
  EmConfig,
  | 'endTimeMode'
  | 'taskPathSpelling'
  | 'bom'
  | 'sessionTtlSeconds'
  | 'collectEveryMinutes'
  | 'taskDelaysMs'
  | 'actionRunSeconds'
>

export function runtimeConfigOf(config: EmConfig): RuntimeConfig {
  const { endTimeMode, taskPathSpelling, bom, sessionTtlSeconds } = config
  const { collectEveryMinutes, taskDelaysMs, actionRunSeconds } = config
  return {
    endTimeMode,
    taskPathSpelling,
    bom,
    sessionTtlSeconds,
    collectEveryMinutes,
    taskDelaysMs,
    actionRunSeconds,
  }
}

const isPositive = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0
const isDelay = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 600_000

/** Applies `POST /__emulator/config` to the live config; returns an error text (and changes nothing) if invalid. */
export function applyRuntimeConfig(config: EmConfig, body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'The config must be a JSON object.'
  const next = { ...config }
  for (const [key, value] of Object.entries(body)) {
    if (key === 'endTimeMode') {
      const mode = END_TIME_MODES.find((candidate) => candidate === value)
      if (mode === undefined) return `endTimeMode must be one of ${END_TIME_MODES.join(', ')}.`
      next.endTimeMode = mode
    } else if (key === 'taskPathSpelling') {
      const spelling = TASK_PATH_SPELLINGS.find((candidate) => candidate === value)
      if (spelling === undefined) return `taskPathSpelling must be one of ${TASK_PATH_SPELLINGS.join(', ')}.`
      next.taskPathSpelling = spelling
    } else if (key === 'bom') {
      if (typeof value !== 'boolean') return 'bom must be a boolean.'
      next.bom = value
    } else if (key === 'sessionTtlSeconds') {
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
        return 'sessionTtlSeconds must be an integer ≥ 1.'
      }
      next.sessionTtlSeconds = value
    } else if (key === 'collectEveryMinutes') {
      // A fraction of a minute is allowed: tests watch several collections in seconds.
      if (value !== null && value !== 'manual' && !isPositive(value)) {
        return "collectEveryMinutes must be null (changes show at once), 'manual' or a number of minutes > 0."
      }
      next.collectEveryMinutes = value
    } else if (key === 'taskDelaysMs') {
      if (!Array.isArray(value) || value.length !== 2 || !value.every(isDelay)) {
        return 'taskDelaysMs must be two integers from 0 to 600000: [Running, OperationFinished] in ms.'
      }
      const [running = 0, finishing = 0] = value
      next.taskDelaysMs = [running, finishing]
    } else if (key === 'actionRunSeconds') {
      if (value !== null && !isPositive(value)) return 'actionRunSeconds must be null or a number > 0.'
      next.actionRunSeconds = value
    } else {
      return `Unknown config field '${key}'.`
    }
  }
  Object.assign(config, next)
  return undefined
}
