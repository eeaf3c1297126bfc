import type { EmConfig } from '../handlers/context.ts'

const END_TIME_MODES = ['sentinel', 'empty', 'absent'] as const
const TASK_PATH_SPELLINGS = ['replicaTaskSessions', 'repicaTaskSessions'] as const

export type RuntimeConfig = Pick<EmConfig, 'endTimeMode' | 'taskPathSpelling' | 'bom' | 'sessionTtlSeconds'>

export function runtimeConfigOf(config: EmConfig): RuntimeConfig {
  const { endTimeMode, taskPathSpelling, bom, sessionTtlSeconds } = config
  return { endTimeMode, taskPathSpelling, bom, sessionTtlSeconds }
}

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
    } else {
      return `Unknown config field '${key}'.`
    }
  }
  Object.assign(config, next)
  return undefined
}
