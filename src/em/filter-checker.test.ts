import { describe, expect, test } from 'vitest'
import { checkFilterSyntax } from './session-query-path.ts'

describe('checkFilterSyntax accepts', () => {
  test.each([
    '',
    '   ',
    'State==Working',
    'state==working',
    'JobName=="SQL Replication";Result>=Warning',
    'JobName==SQL Replication',
    '(State==Working,State==Starting);IsRetry==false',
    '((Result==Failed),(Result==Warning;IsRetry==TRUE))',
    'Name=="a ""quoted"" name; with, separators (and parens)"',
    'CreationTime>="2025-08-15T06:00:00Z";CreationTime<="2025-08-16T06:00:00Z"',
    'CreationTime>=2024-05-01T10:00:00',
    'CreationTime>="2019-06-30"',
    'CreationTime>="2025-08-15 06:00"',
    'EndTimeUTC<2025-08-15T06:00:00.1234567Z',
    'UID!="urn:veeam:ReplicaJobSession:0bcf5a1e-866c-4b40-8bc3-ce64753b9a6b"',
    'BackupServerUid==urn:veeam:BackupServer:ce15a8c7-aa49-495e-b05b-ee3398c91018',
    'BackupServerName==srv02.tech.local;JobType==replica',
    'Result==None',
    'Name==*',
  ])('%j', (text) => {
    expect(checkFilterSyntax(text)).toEqual({ ok: true })
  })
})

describe('checkFilterSyntax rejects, pointing at the spot', () => {
  test.each([
    ['Progress==100', 0, /Unknown field 'Progress'/],
    ['State==Working;Foo==1', 15, /Unknown field 'Foo'/],
    ['State=Working', 5, /Expected an operator/],
    ['State', 5, /Expected an operator/],
    ['State==', 7, /Expected a value for State/],
    ['State==Running', 7, /'Running' is not a State/],
    ['Result==Cancelled', 8, /not a Result/],
    ['JobType==Backup', 9, /not a JobType/],
    ['IsRetry==yes', 9, /true or false/],
    ['IsRetry>=true', 7, /only be compared with == or !=/],
    ['CreationTime>="yesterday"', 14, /not a UTC date-time/],
    ['CreationTime>="2025-08-15T06:00:00+02:00"', 14, /no offsets/],
    ['CreationTime>=2025-13-01', 14, /not a UTC date-time/],
    ['EndTime<"2025-08-15T06:00:00.12345678Z"', 8, /not a UTC date-time/],
    ['Name=="unterminated', 6, /never closed/],
    ['(State==Working', 15, /Expected '\)'/],
    ['State==Working)', 14, /Unexpected '\)'/],
    ['State==Working;', 15, /Expected a field name/],
    [',State==Working', 0, /Expected a field name/],
    ['()', 1, /Expected a field name/],
    // Unquoted spaces are deleted first (§4.2): the value reads as 'WorkingResult'.
    ['State==Working Result==Failed', 7, /'WorkingResult' is not a State/],
    ['Name=="a"b', 9, /Unexpected 'b'/],
    ['  Progress == 1', 2, /Unknown field/],
  ])('%j at %i', (text, position, message) => {
    const result = checkFilterSyntax(text)
    expect(result).toMatchObject({ ok: false, position })
    expect(result.ok ? '' : result.message).toMatch(message)
  })
})
