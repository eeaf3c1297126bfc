import { describe, expect, test } from 'vitest'
import { decodeBody } from './decode-body.ts'
import { EmParseError } from './errors.ts'
import { parseTask } from './parse-task.ts'

// The 202 body and a later GET of em-api.md §13.2 (post_method, scenario_starting_a_job).
const RUNNING_XML = `<Task xmlns="http://www.veeam.com/ent/v1.0" Type="Task" Href="https://localhost:9398/api/tasks/task-1">
  <Links><Link Rel="Delete" Type="Task" Href="https://localhost:9398/api/tasks/task-1" /></Links>
  <TaskId>task-1</TaskId>
  <State>Running</State>
  <Operation>StartJob</Operation>
</Task>`

const FINISHED_XML = RUNNING_XML.replace('<State>Running</State>', '<State>Finished</State>').replace(
  '</Task>',
  '<Result Success="false"><Message>Cannot start job "Oracle Backup": the job is already running.</Message></Result></Task>',
)

const FINISHED_JSON = JSON.stringify({
  TaskId: 'task-1',
  State: 'Finished',
  Operation: 'StartJob',
  Result: { Message: 'Cannot start job "Oracle Backup": the job is already running.', Success: false },
  Links: [{ Rel: 'Delete', Href: 'https://localhost:9398/api/tasks/task-1', Name: null, Type: 'Task' }],
  Href: 'https://localhost:9398/api/tasks/task-1',
  Type: 'Task',
})

describe('parseTask', () => {
  test('a Running task has no result yet', () => {
    expect(parseTask(decodeBody(RUNNING_XML, 'xml'))).toEqual({
      id: 'task-1',
      href: 'https://localhost:9398/api/tasks/task-1',
      state: 'Running',
      operation: 'StartJob',
      result: null,
    })
  })

  test('XML and JSON of the same finished task are the same, Success read as a boolean', () => {
    const xml = parseTask(decodeBody(FINISHED_XML, 'xml'))
    expect(xml).toEqual(parseTask(decodeBody(FINISHED_JSON, 'json')))
    expect(xml.result).toEqual({
      success: false,
      message: 'Cannot start job "Oracle Backup": the job is already running.',
    })
  })

  test('without the Href attribute the Delete link says where the task is', () => {
    const doc = decodeBody(
      RUNNING_XML.replace(' Href="https://localhost:9398/api/tasks/task-1">', '>'),
      'xml',
    )
    expect(parseTask(doc).href).toBe('https://localhost:9398/api/tasks/task-1')
  })

  test('a body that is not a task is a parse error naming the field', () => {
    expect(() => parseTask(decodeBody('{"TaskId":"task-1","Href":"/api/tasks/task-1"}', 'json'))).toThrow(
      /Task: State/,
    )
    expect(() => parseTask(decodeBody('{"State":"Running","TaskId":"t"}', 'json'))).toThrow(EmParseError)
  })
})
