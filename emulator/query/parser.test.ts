import { describe, expect, it } from 'vitest'
import { type FilterNode, parseFilter } from './parser.ts'
import { QueryError } from './query-error.ts'

// A compact rendering: comparisons as `field op [value]`, junctions as `and(…)` / `or(…)`.
function show(node: FilterNode | null): string {
  if (node === null) return 'none'
  if (node.kind === 'comparison') return `${node.field}${node.operator}[${node.value}]`
  return `${node.kind}(${node.operands.map(show).join(' ')})`
}

describe('parseFilter', () => {
  it.each([
    ['', 'none'],
    ['   ', 'none'],
    ['JobName=="SQL Replication";Result>=Warning', 'and(JobName==[SQL Replication] Result>=[Warning])'],
    ['jobtype==backup;platform==hyperv', 'and(jobtype==[backup] platform==[hyperv])'],
    ['CreationTime>="2025-08-15T06:00:00Z"', 'CreationTime>=[2025-08-15T06:00:00Z]'],
    ['CreationTime>=2024-05-01T10:00:00', 'CreationTime>=[2024-05-01T10:00:00]'],
    ['Name=="a ""quoted"" name"', 'Name==[a "quoted" name]'],
    ['JobName==SQL Replication', 'JobName==[SQLReplication]'],
    // `;` binds tighter than `,`
    ['a==1,b==2;c==3', 'or(a==[1] and(b==[2] c==[3]))'],
    ['a==1;b==2,c==3', 'or(and(a==[1] b==[2]) c==[3])'],
    ['(a==1,b==2);c==3', 'and(or(a==[1] b==[2]) c==[3])'],
    ['((a==1;(b!=2,c<3)),d>4)', 'or(and(a==[1] or(b!=[2] c<[3])) d>[4])'],
    ['(((a==1)))', 'a==[1]'],
    [`${'('.repeat(64)}a==1${')'.repeat(64)}`, 'a==[1]'],
    ['(a==1),(b==2),(c==3)', 'or(a==[1] b==[2] c==[3])'],
    ['a==1,b==2,c==3', 'or(a==[1] b==[2] c==[3])'],
  ])('parses %j', (filter, expected) => {
    expect(show(parseFilter(filter))).toBe(expected)
  })

  it('counts nesting, not parenthesised groups side by side', () => {
    const node = parseFilter(Array.from({ length: 70 }, () => '(a==1)').join(','))
    expect(node?.kind === 'or' && node.operands.length).toBe(70)
  })

  it('records the position of field, operator and value in the text as sent', () => {
    const node = parseFilter('  Result >= "Warning"')
    expect(node).toMatchObject({ fieldPosition: 2, operatorPosition: 9, valuePosition: 12 })
  })

  it.each([
    ['Result==Failed;;State==Stopped', 14, `near ';;State': expected a comparison`],
    ['Result==Failed;', 14, `near ';': expected a comparison`],
    ['Result==Failed,', 14, `near ',': expected a comparison`],
    [';Result==Failed', 0, `near ';Result': expected a comparison`],
    ['Result Failed', 13, 'near end of filter: expected an operator (==, !=, <, >, <=, >=)'],
    ['Result=Failed', 6, `near '=Failed': expected an operator (==, !=, <, >, <=, >=)`],
    ['Result==', 8, 'near end of filter: expected a value'],
    ['Result==;State==Working', 8, `near ';State': expected a value`],
    ['==Failed', 0, `near '==Failed': expected a comparison`],
    ['Job.Name==x', 0, `near 'Job.Name': expected a field name (letters, digits, _)`],
    ['"Result"==Failed', 0, `near '"Result"': expected a comparison`],
    ['(Result==Failed', 15, `near end of filter: expected ')' to close '(' at position 0`],
    ['((a==1)', 7, `near end of filter: expected ')' to close '(' at position 0`],
    ['Result==Failed)', 14, `near ')': unbalanced ')'`],
    ['(a==1))', 6, `near ')': unbalanced ')'`],
    ['()', 1, `near ')': expected a comparison`],
    ['Name=="a"b', 9, `near 'b': expected ';', ',' or end of filter`],
    ['(Name=="a"b)', 10, `near 'b)': expected ')' to close '(' at position 0`],
    ['Name=="abc', 6, `near '"abc': unterminated quoted value`],
    [`${'('.repeat(65)}a==1${')'.repeat(65)}`, 64, `near '(a': parentheses nested deeper than 64`],
  ])('rejects %j at position %i', (filter, position, detail) => {
    let thrown: unknown
    try {
      parseFilter(filter)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(QueryError)
    expect(thrown).toMatchObject({
      position,
      message: `Filter syntax error at position ${position} ${detail}`,
    })
  })
})
