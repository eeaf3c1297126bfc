import { describe, expect, it } from 'vitest'
import { errorMessageOf, taskIdOf, userNameOf } from './em-answer-text.ts'

describe("reading EM's answers for the action log", () => {
  it('finds the TaskId of a Task in XML (any prefix, BOM) and JSON', () => {
    expect(taskIdOf('<Task Type="Task"><TaskId>task-1</TaskId></Task>')).toBe('task-1')
    expect(taskIdOf('\uFEFF<?xml version="1.0"?><v:Task><v:TaskId>task-12</v:TaskId></v:Task>')).toBe(
      'task-12',
    )
    expect(taskIdOf('\uFEFF{"TaskId":"task-3","State":"Running"}')).toBe('task-3')
    expect(taskIdOf('{"TaskId":7}')).toBeNull()
    expect(taskIdOf('<html>')).toBeNull()
    expect(taskIdOf('not json')).toBeNull()
  })

  it("finds EM's Error Message (attribute or key) and the proxy's own message", () => {
    expect(errorMessageOf('<Error Message="Access denied." StatusCode="403" />')).toBe('Access denied.')
    expect(errorMessageOf('<Error StatusCode="400" Message="a &quot;b&quot; &amp; c"/>')).toBe('a "b" & c')
    expect(errorMessageOf('{"Message":"Access denied.","StatusCode":403}')).toBe('Access denied.')
    expect(errorMessageOf('{"error":"unreachable","message":"Cannot reach"}')).toBe('Cannot reach')
    expect(errorMessageOf('')).toBeNull()
  })

  it("finds the caller's UserName in GET /api/logonSessions, XML and JSON", () => {
    expect(
      userNameOf(
        '<LogonSessions><LogonSession><UserName>CORP\\ann</UserName></LogonSession></LogonSessions>',
      ),
    ).toBe('CORP\\ann')
    expect(userNameOf('{"LogonSessions":[{"UserName":"CORP\\\\ann"}]}')).toBe('CORP\\ann')
    expect(userNameOf('{"LogonSessions":[]}')).toBeNull()
    expect(userNameOf('{"UserName":"x"}')).toBeNull()
  })
})
