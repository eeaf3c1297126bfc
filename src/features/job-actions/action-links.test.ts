import { describe, expect, test } from 'vitest'
import { EmHttpError, EmUnreachableError } from '@/em/errors.ts'
import type { EmLink } from '@/em/link-schema.ts'
import { collectActionOf, jobActionsOf } from './action-links.ts'

const JOB = 'https://em.invalid:9398/api/jobs/4a6fdad6-0688-47b8-9d38-b7c6b924b413'
const SERVER = 'https://em.invalid:9398/api/backupServers/1a2b3c4d-0000-4000-8000-000000000001'
const link = (rel: string, href: string): EmLink => ({ rel, href, type: null, name: null })

describe('which job actions show', () => {
  test('one button per action link EM sent, with its Href as given, in the order Retry, Start, Stop', () => {
    const links = [
      link('Stop', `${JOB}?action=stop`),
      link('Clone', `${JOB}?action=clone`),
      link('Start', `${JOB}?action=start`),
      link('Retry', `${JOB}?action=retry`),
    ]
    expect(jobActionsOf({ links, error: null })).toEqual([
      { verb: 'retry', label: 'Retry job', href: `${JOB}?action=retry`, disabledReason: null },
      { verb: 'start', label: 'Start job', href: `${JOB}?action=start`, disabledReason: null },
      { verb: 'stop', label: 'Stop job', href: `${JOB}?action=stop`, disabledReason: null },
    ])
  })

  test('no button for a link EM did not send, or whose Href is not that action', () => {
    const links = [link('Start', `${JOB}?action=start`), link('Retry', `${JOB}?action=toggleScheduleEnabled`)]
    expect(jobActionsOf({ links, error: null }).map((a) => a.verb)).toEqual(['start'])
    expect(jobActionsOf({ links: [], error: null })).toEqual([])
  })

  test('a 403 on the job shows all three disabled with the role that may act; other errors show none', () => {
    const refused = jobActionsOf({
      links: undefined,
      error: new EmHttpError(403, 'Access denied.', '/api/jobs/x'),
    })
    expect(refused.map((a) => [a.label, a.href])).toEqual([
      ['Retry job', null],
      ['Start job', null],
      ['Stop job', null],
    ])
    expect(refused[0]?.disabledReason).toBe(
      "This account's Enterprise Manager role may not start, stop or retry jobs; that needs Portal Administrator. Enterprise Manager refused this account the job (403).",
    )
    expect(jobActionsOf({ links: undefined, error: new EmUnreachableError('down') })).toEqual([])
    expect(jobActionsOf({ links: undefined, error: null })).toEqual([])
  })
})

describe('Collect', () => {
  test("the server's Start link whose action is collect, not its other Start-like links", () => {
    const links = [
      link('QuickBackup', `${SERVER}?action=quickbackup`),
      link('Start', `${SERVER}?action=collect`),
    ]
    expect(collectActionOf({ links, error: null })).toEqual({
      verb: 'collect',
      label: 'Collect now',
      href: `${SERVER}?action=collect`,
      disabledReason: null,
    })
    expect(collectActionOf({ links: [link('Start', `${SERVER}?action=veeamzip`)], error: null })).toBeNull()
  })

  test('a 403 on the server says collecting needs Portal User or Portal Administrator', () => {
    const action = collectActionOf({
      links: undefined,
      error: new EmHttpError(403, null, '/api/backupServers/x'),
    })
    expect(action?.disabledReason).toMatch(
      /may not collect data from backup servers; that needs Portal User or Portal Administrator/,
    )
  })
})
