import { describe, expect, it } from 'vitest'
import { lookupField } from './field-def.ts'
import { SESSION_FIELDS } from './session-fields.ts'

// Filter semantics per field are exercised in compile-filter.test.ts.
describe('ReplicaJobSession fields', () => {
  it('has exactly the fields of em-api.md §4.3, with the UTC aliases', () => {
    expect([...SESSION_FIELDS.byName].map(([name, field]) => `${name}:${field.kind}`)).toEqual([
      'uid:UidType',
      'name:String',
      'jobtype:Enum',
      'jobuid:UidType',
      'jobname:String',
      'creationtime:DateTime',
      'creationtimeutc:DateTime',
      'endtime:DateTime',
      'endtimeutc:DateTime',
      'state:Enum',
      'result:Enum',
      'isretry:Boolean',
      'backupserveruid:UidType',
      'backupservername:String',
    ])
  })

  it.each([
    ['EndTimeUTC', 'EndTime'],
    ['creationtimeutc', 'CreationTime'],
    ['JOBNAME', 'JobName'],
  ])('finds %s as %s', (name, canonical) => {
    expect(lookupField(SESSION_FIELDS, name)?.name).toBe(canonical)
  })

  it('does not offer Progress', () => {
    expect(lookupField(SESSION_FIELDS, 'Progress')).toBeUndefined()
  })
})
