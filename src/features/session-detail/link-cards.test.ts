import { describe, expect, it } from 'vitest'
import { decodeBody } from '@/em/decode-body.ts'
import type { EmLink } from '@/em/link-schema.ts'
import { parseSession } from '@/em/parse-session.ts'
import { readSample } from '@/test/samples.ts'
import { planLinks } from './link-cards.ts'

const EM = 'https://enterprise04.tech.local:9398/api'
const ID = '0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b'

function link(rel: string, type: string | null, href: string, name: string | null = null): EmLink {
  return { rel, type, name, href }
}

const DOCUMENTED: EmLink[] = [
  link('Up', 'BackupServerReference', `${EM}/backupServers/ce15`, 'srv02.tech.local'),
  link('Up', 'JobReference', `${EM}/jobs/2c49`, 'Fileserver02 Replication'),
  link('Alternate', 'ReplicaJobSessionReference', `${EM}/replicaSessions/${ID}`, 'Fileserver02@2025'),
  link('Down', 'ReplicaTaskSessionReferenceList', `${EM}/replicaSessions/${ID}/replicaTaskSessions`),
]

describe('planLinks', () => {
  it('feeds each card from its documented Rel and Type', () => {
    const plan = planLinks(DOCUMENTED)
    expect(plan.cards).toEqual({
      server: DOCUMENTED[0],
      job: DOCUMENTED[1],
      reference: DOCUMENTED[2],
      tasks: DOCUMENTED[3],
    })
    expect(plan.rows.map((row) => row.use)).toEqual([
      { kind: 'card', card: 'server' },
      { kind: 'card', card: 'job' },
      { kind: 'card', card: 'reference' },
      { kind: 'card', card: 'tasks' },
    ])
    expect(plan.rows.every((row) => row.refusal === null)).toBe(true)
  })

  it('does not depend on the order of the links', () => {
    const plan = planLinks([...DOCUMENTED].reverse())
    expect(plan.cards.server).toBe(DOCUMENTED[0])
    expect(plan.cards.tasks).toBe(DOCUMENTED[3])
  })

  it.each([
    ['replicaTaskSessions', `${EM}/replicaSessions/${ID}/replicaTaskSessions`],
    ['the docs’ repicaTaskSessions', `${EM}/replicaSessions/${ID}/repicaTaskSessions`],
  ])('follows the Down task list whatever its path spelling: %s', (_, href) => {
    const down = link('Down', 'ReplicaTaskSessionReferenceList', href)
    expect(planLinks([down]).cards.tasks?.href).toBe(href)
  })

  it('lists unknown link types without following them', () => {
    const related = link('Related', 'VmReplicaPointReference', `${EM}/vmReplicaPoints/1?format=Entity`)
    const down = link('Down', 'BackupJobSessionReferenceList', `${EM}/jobs/2c49/backupSessions`)
    const untyped = link('Up', null, `${EM}/backupServers/ce15`)
    const plan = planLinks([related, ...DOCUMENTED, down, untyped])
    expect(plan.rows.map((row) => row.use.kind)).toEqual([
      'unknown',
      'card',
      'card',
      'card',
      'card',
      'unknown',
      'unknown',
    ])
    expect(Object.values(plan.cards)).not.toContain(related)
    expect(Object.values(plan.cards)).not.toContain(untyped)
  })

  it('lets the first link of a kind feed the card and lists the second as a duplicate', () => {
    const second = link('Up', 'BackupServerReference', `${EM}/backupServers/other`, 'other')
    const plan = planLinks([...DOCUMENTED, second])
    expect(plan.cards.server).toBe(DOCUMENTED[0])
    expect(plan.rows.at(-1)?.use).toEqual({ kind: 'duplicate', card: 'server' })
  })

  it('matches Rel and Type whatever their case', () => {
    const plan = planLinks([link('up', 'jobreference', `${EM}/jobs/2c49`)])
    expect(plan.cards.job?.href).toBe(`${EM}/jobs/2c49`)
  })

  it('says why the resolver refuses a hostile Href, and still assigns the card so it can show the error', () => {
    const hostile = link('Up', 'BackupServerReference', 'javascript:alert(1)')
    const plan = planLinks([hostile])
    expect(plan.cards.server).toBe(hostile)
    expect(plan.rows[0]?.refusal).toMatch(/only http and https/)
  })

  it('plans the links of the documented entity sample', () => {
    const session = parseSession(decodeBody(readSample('replicasession-entity.xml'), 'xml'))
    const plan = planLinks(session.links)
    expect(Object.keys(plan.cards).sort()).toEqual(['job', 'reference', 'server', 'tasks'])
    expect(plan.cards.tasks?.href).toMatch(/repicaTaskSessions$/)
  })

  it('plans nothing for an entity without links', () => {
    expect(planLinks([])).toEqual({ rows: [], cards: {} })
  })
})
