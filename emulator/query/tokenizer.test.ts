import { describe, expect, it } from 'vitest'
import { QueryError } from './query-error.ts'
import { type Token, tokenize } from './tokenizer.ts'

function describeTokens(tokens: Token[]): string[] {
  return tokens.map((token) => {
    switch (token.kind) {
      case 'operator':
        return `op ${token.operator} @${token.position}`
      case 'word':
      case 'quoted':
        return `${token.kind} ${token.text} @${token.position}`
      default:
        return `${token.kind} @${token.position}`
    }
  })
}

describe('tokenize', () => {
  it.each([
    ['Result==Failed', ['word Result @0', 'op == @6', 'word Failed @8', 'end @14']],
    ['a!=b', ['word a @0', 'op != @1', 'word b @3', 'end @4']],
    ['a<=b', ['word a @0', 'op <= @1', 'word b @3', 'end @4']],
    ['a>=b', ['word a @0', 'op >= @1', 'word b @3', 'end @4']],
    ['a<b', ['word a @0', 'op < @1', 'word b @2', 'end @3']],
    ['a>b', ['word a @0', 'op > @1', 'word b @2', 'end @3']],
    [
      '(a==1;b==2),c==3',
      [
        'open @0',
        'word a @1',
        'op == @2',
        'word 1 @4',
        'and @5',
        'word b @6',
        'op == @7',
        'word 2 @9',
        'close @10',
        'or @11',
        'word c @12',
        'op == @13',
        'word 3 @15',
        'end @16',
      ],
    ],
  ])('splits %s', (filter, expected) => {
    expect(describeTokens(tokenize(filter))).toEqual(expected)
  })

  it('deletes whitespace outside quotes, even inside names, operators and bare values', () => {
    expect(describeTokens(tokenize(' Job Name = = SQL Replication '))).toEqual([
      'word JobName @1',
      'op == @10',
      'word SQLReplication @14',
      'end @30',
    ])
  })

  it('keeps whitespace inside quotes and reads a doubled quote as one quote', () => {
    expect(describeTokens(tokenize('Name=="say ""hi"" now"'))).toEqual([
      'word Name @0',
      'op == @4',
      'quoted say "hi" now @6',
      'end @22',
    ])
  })

  it('joins two quoted parts separated by spaces into one value, since the spaces are deleted first', () => {
    expect(describeTokens(tokenize('a=="x" "y"'))).toEqual([
      'word a @0',
      'op == @1',
      'quoted x"y @3',
      'end @10',
    ])
  })

  it('reads an empty quoted value', () => {
    expect(describeTokens(tokenize('a==""'))).toEqual(['word a @0', 'op == @1', 'quoted  @3', 'end @5'])
  })

  it('keeps characters outside the bare stop set, such as * : . - + /, in bare values', () => {
    expect(describeTokens(tokenize('a==*x:1.2-3+4/5'))).toEqual([
      'word a @0',
      'op == @1',
      'word *x:1.2-3+4/5 @3',
      'end @15',
    ])
  })

  it('marks a lone = or ! as invalid', () => {
    expect(describeTokens(tokenize('a=b!c'))).toEqual([
      'word a @0',
      'invalid @1',
      'word b @2',
      'invalid @3',
      'word c @4',
      'end @5',
    ])
  })

  it('rejects an unterminated quote at its opening position', () => {
    const thrown = captureError(() => tokenize('JobName=="SQL Replication'))
    expect(thrown.message).toBe(
      `Filter syntax error at position 9 near '"SQL Replication': unterminated quoted value`,
    )
    expect(thrown.position).toBe(9)
  })

  it('reports positions in the text as sent, before whitespace was deleted', () => {
    const thrown = captureError(() => tokenize('Name == "a"  ;  b == "c'))
    expect(thrown.position).toBe(21)
  })
})

function captureError(action: () => unknown): QueryError {
  try {
    action()
  } catch (error) {
    if (error instanceof QueryError) return error
    throw error
  }
  throw new Error('expected a QueryError')
}
