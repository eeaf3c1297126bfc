import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { decodeBody } from './decode-body.ts'
import { EmHttpError, EmParseError } from './errors.ts'

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('decodeBody', () => {
  test('strips a UTF-8 BOM before JSON.parse (EM 9.5, em-api.md §9.4)', () => {
    expect(decodeBody('\uFEFF{"Refs":[]}', 'json')).toEqual({ Refs: [] })
    expect(decodeBody('{"Refs":[]}', 'json')).toEqual({ Refs: [] })
  })

  test('strips a BOM before XML too', () => {
    expect(decodeBody('\uFEFF<EntityReferences/>', 'xml')).toEqual({ EntityReferences: '' })
  })

  test.each([
    ['json', '{"Entities": {', /malformed JSON/],
    ['json', '<QueryResult/>', /malformed JSON/],
    ['xml', '<QueryResult><Entities>', /malformed XML/],
    ['xml', '{"Refs":[]}', /malformed XML/],
    ['json', '', /empty body where JSON/],
    ['xml', '  \n', /empty body where XML/],
  ] as const)('%s body %j → EmParseError %s', (format, text, message) => {
    const error = thrown(() => decodeBody(text, format))
    expect(error).toBeInstanceOf(EmParseError)
    expect(String(error)).toMatch(message)
  })

  test.each([
    '<!DOCTYPE html><html><body>Proxy login</body></html>',
    '\n  <html lang="en"><head><title>Sign in</title></head></html>',
    '<!doctype HTML>\n<html>',
  ])('an HTML page is named as such: %j', (text) => {
    for (const format of ['xml', 'json'] as const) {
      const error = thrown(() => decodeBody(text, format))
      expect(error).toBeInstanceOf(EmParseError)
      expect(String(error)).toContain('Enterprise Manager answered with an HTML page, not XML or JSON')
    }
  })

  test('an XML Error body with a 2xx status → EmHttpError with its status and message (§8)', () => {
    const error = thrown(() => decodeBody(fixture('error.xml'), 'xml', '/api/query?type=ReplicaJobSession'))
    expect(error).toBeInstanceOf(EmHttpError)
    expect(error).toMatchObject({
      status: 400,
      emMessage: "Unknown filter field 'Progress' for type ReplicaJobSession.",
      path: '/api/query?type=ReplicaJobSession',
    })
  })

  test('a JSON Error body with a 2xx status → EmHttpError', () => {
    const error = thrown(() => decodeBody(fixture('error.json'), 'json'))
    expect(error).toBeInstanceOf(EmHttpError)
    expect(error).toMatchObject({
      status: 400,
      emMessage: "Unknown filter field 'Progress' for type ReplicaJobSession.",
    })
  })

  test.each([
    ['xml', '<Error/>', 500, null],
    ['xml', '<Error StatusCode="503" Message="Service starting"/>', 503, 'Service starting'],
    ['json', '{"StatusCode":"401","Message":"Session expired"}', 401, 'Session expired'],
    ['json', '{"StatusCode":"oops","Message":""}', 500, null],
  ] as const)('%s %s → status %i, message %j', (format, text, status, message) => {
    expect(thrown(() => decodeBody(text, format))).toMatchObject({ status, emMessage: message })
  })

  test('a JSON document that merely has a Message key is not an error', () => {
    expect(decodeBody('{"Message":"hello","Name":"x"}', 'json')).toEqual({ Message: 'hello', Name: 'x' })
  })
})
