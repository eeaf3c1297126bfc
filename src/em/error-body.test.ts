import { describe, expect, test } from 'vitest'
import { errorInDocument, readErrorBody } from './error-body.ts'
import { parseXml } from './xml.ts'

// The two captures of em-api.md §16 (EM 9.5 U4), namespaces and all.
const REAL_XML =
  '<?xml version="1.0" encoding="utf-8"?><Error Message="Object reference not set to an instance of an object." StatusCode="500" xmlns="http://www.veeam.com/ent/v1.0" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><FirstChanceExceptionMessage>Object reference not set to an instance of an object.</FirstChanceExceptionMessage><StackTrace>   at Veeam.Backup.EnterpriseService…</StackTrace></Error>'
const REAL_JSON =
  '{"FirstChanceExceptionMessage":null,"Message":"Node [root] does not exist.","StackTrace":null,"Status":null,"StatusCode":400}'

describe('readErrorBody', () => {
  test.each([
    [
      'EM XML (§16 capture)',
      REAL_XML,
      { from: 'em', status: 500, message: 'Object reference not set to an instance of an object.' },
    ],
    [
      'EM JSON with nulls (§16 capture)',
      REAL_JSON,
      { from: 'em', status: 400, message: 'Node [root] does not exist.' },
    ],
    [
      'EM JSON, no Message but a first-chance exception',
      '{"FirstChanceExceptionMessage":"Timeout expired","Message":null,"StackTrace":"at X","Status":"InternalServerError","StatusCode":500}',
      { from: 'em', status: 500, message: 'Timeout expired' },
    ],
    [
      "the emulator's two-field XML (§8)",
      '<Error StatusCode="403" Message="Access denied"/>',
      { from: 'em', status: 403, message: 'Access denied' },
    ],
    [
      'EM JSON after a BOM',
      '\uFEFF{"StatusCode":401,"Message":"Session expired"}',
      { from: 'em', status: 401, message: 'Session expired' },
    ],
    [
      "the proxy's kiosk 503",
      '{"error":"kiosk_signin_failed","message":"Enterprise Manager refused the kiosk session even after a fresh logon"}',
      {
        from: 'proxy',
        status: null,
        message: 'Enterprise Manager refused the kiosk session even after a fresh logon',
      },
    ],
    [
      "the proxy's allowlist 403",
      '{"error":"forbidden","message":"Not on the kiosk allowlist: jobs/x/includes"}',
      { from: 'proxy', status: null, message: 'Not on the kiosk allowlist: jobs/x/includes' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(readErrorBody(text)).toEqual(expected)
  })

  test.each([
    ['empty', ''],
    ['HTML from a middlebox', '<!DOCTYPE html><html><body>Bad gateway</body></html>'],
    ['truncated JSON', '{"Message": "trunc'],
    ['plain text', 'Not Implemented'],
    ['JSON that is neither', '{"hello":"world"}'],
  ])('%s → no words', (_name, text) => {
    expect(readErrorBody(text)).toBeNull()
  })

  test('a stack trace is never the message', () => {
    expect(readErrorBody('{"StackTrace":"at A.B()","StatusCode":500,"Message":null}')).toEqual({
      from: 'em',
      status: 500,
      message: null,
    })
  })
})

describe('errorInDocument (a 2xx body that is an Error document)', () => {
  test('the real XML and JSON shapes are errors; data is not', () => {
    expect(errorInDocument(parseXml(REAL_XML))).toMatchObject({ status: 500 })
    expect(errorInDocument(JSON.parse(REAL_JSON))).toMatchObject({ status: 400 })
    expect(errorInDocument({ StatusCode: 200, Name: 'x' })).toBeNull()
    expect(errorInDocument({ Refs: [] })).toBeNull()
  })
})
