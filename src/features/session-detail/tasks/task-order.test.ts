import { describe, expect, it } from 'vitest'
import type { ReplicaTaskSession } from '@/em/parse-task-session.ts'
import { countByResult, resultRank, sortTasks } from './task-order.ts'
import { DEFAULT_TASK_SORT } from './task-sort.ts'

const NOW = Date.UTC(2025, 9, 19, 8)

function task(vm: string, patch: Partial<ReplicaTaskSession> = {}): ReplicaTaskSession {
  return {
    uid: `urn:veeam:ReplicaTaskSession:${vm}`,
    id: vm,
    name: `${vm}@2025-10-19 06:00:00`,
    href: `/api/replicaTaskSessions/${vm}`,
    vmDisplayName: vm,
    jobSessionUid: 'urn:veeam:ReplicaJobSession:s',
    creationTime: Date.UTC(2025, 9, 19, 6),
    endTime: Date.UTC(2025, 9, 19, 7),
    state: 'Completed',
    result: 'Success',
    reason: '',
    totalSize: 8 * 1024 ** 3,
    links: [],
    ...patch,
  }
}

const vms = (tasks: ReplicaTaskSession[]) => tasks.map((t) => t.vmDisplayName)

describe('sortTasks', () => {
  const tasks = [
    task('web01'),
    task('sql02', { result: 'Warning', reason: 'Warning: CBT disabled' }),
    task('app03', { result: 'None', state: 'InProgress', endTime: null }),
    task('erp01', { result: 'Failed', reason: 'Error: snapshot timed out' }),
    task('dc01', { result: 'Failed', reason: 'Error: RPC failed' }),
    task('file10', { result: 'Mystery' }),
  ]

  it('puts failed, then warning rows first by default, then no result yet, then success; ties by VM name', () => {
    expect(vms(sortTasks(tasks, DEFAULT_TASK_SORT, NOW))).toEqual([
      'dc01',
      'erp01',
      'sql02',
      'app03',
      'file10',
      'web01',
    ])
  })

  it('sorts VM names naturally, both ways', () => {
    const named = [task('vm10'), task('vm2'), task('VM1')]
    expect(vms(sortTasks(named, { key: 'vm', dir: 'asc' }, NOW))).toEqual(['VM1', 'vm2', 'vm10'])
    expect(vms(sortTasks(named, { key: 'vm', dir: 'desc' }, NOW))).toEqual(['vm10', 'vm2', 'VM1'])
  })

  it('sorts sizes as numbers', () => {
    const sized = [
      task('a', { totalSize: 60 * 1024 ** 3 }),
      task('b', { totalSize: 8 * 1024 ** 3 }),
      task('c'),
    ]
    expect(vms(sortTasks(sized, { key: 'size', dir: 'desc' }, NOW))).toEqual(['a', 'b', 'c'])
  })

  it('keeps tasks without an end or a reason last in either direction', () => {
    expect(vms(sortTasks(tasks, { key: 'end', dir: 'asc' }, NOW)).at(-1)).toBe('app03')
    expect(vms(sortTasks(tasks, { key: 'end', dir: 'desc' }, NOW)).at(-1)).toBe('app03')
    expect(vms(sortTasks(tasks, { key: 'reason', dir: 'asc' }, NOW))).toEqual([
      'dc01',
      'erp01',
      'sql02',
      'app03',
      'file10',
      'web01',
    ])
    expect(vms(sortTasks(tasks, { key: 'reason', dir: 'desc' }, NOW))).toEqual([
      'sql02',
      'erp01',
      'dc01',
      'app03',
      'file10',
      'web01',
    ])
  })

  it('measures a running task up to now', () => {
    const running = task('live', { state: 'InProgress', result: 'None', endTime: null })
    const sorted = sortTasks([task('short'), running], { key: 'duration', dir: 'desc' }, NOW)
    expect(vms(sorted)).toEqual(['live', 'short'])
  })

  it('does not change its input', () => {
    const input = [task('b'), task('a')]
    sortTasks(input, { key: 'vm', dir: 'asc' }, NOW)
    expect(vms(input)).toEqual(['b', 'a'])
  })
})

describe('resultRank', () => {
  it.each([
    ['Failed', 3],
    ['failed', 3],
    ['Warning', 2],
    ['None', 1],
    ['', 1],
    ['Postponed', 1],
    ['Success', 0],
  ])('%j → %i', (result, rank) => {
    expect(resultRank(result)).toBe(rank)
  })
})

describe('countByResult', () => {
  it('counts each result, worst first, unknown results under their own name', () => {
    const tasks = [task('a'), task('b', { result: 'Failed' }), task('c'), task('d', { result: 'Odd' })]
    expect(countByResult(tasks)).toEqual([
      { result: 'Failed', count: 1 },
      { result: 'Odd', count: 1 },
      { result: 'Success', count: 2 },
    ])
    expect(countByResult([])).toEqual([])
  })
})
