// Task and Tasks (em-api.md §13.2): `<Task Type Href>` with a Delete link, TaskId, State, Operation, and a Result
// once the task is past Running. No JSON sample exists; the JSON follows §5's rules, as §13.2 sketches it.

import type { TaskView } from '../data/records.ts'
import type { JsonObject } from './json-value.ts'
import { type Link, linksJson, linksXml } from './link-writer.ts'
import { INDENT, textElement, wrapElement, xmlAttributes } from './xml-writer.ts'

function href(task: TaskView, base: string): string {
  return `${base}tasks/${task.id}`
}

// The Delete link points at the task itself, Type="Task" as most doc examples write it.
function taskLinks(task: TaskView, base: string): Link[] {
  return [{ rel: 'Delete', href: href(task, base), type: 'Task' }]
}

/** One `<Task>` element; `namespaces` is set on a root element. */
export function taskXml(task: TaskView, base: string, indent: string, namespaces = ''): string {
  const inner = indent + INDENT
  let children =
    linksXml(taskLinks(task, base), inner) +
    textElement(inner, 'TaskId', task.id) +
    textElement(inner, 'State', task.state) +
    textElement(inner, 'Operation', task.operation)
  if (task.result !== null) {
    const attributes = xmlAttributes([['Success', String(task.result.success)]])
    const message = textElement(inner + INDENT, 'Message', task.result.message)
    children += wrapElement(inner, 'Result', attributes, message)
  }
  const attributes = xmlAttributes([
    ['Type', 'Task'],
    ['Href', href(task, base)],
  ])
  return wrapElement(indent, 'Task', namespaces + attributes, children)
}

/** The JSON form: TaskId, State, Operation, Result (left out while Running, as NextRun is on jobs), Links, Href, Type. */
export function taskJson(task: TaskView, base: string): JsonObject {
  const json: JsonObject = { TaskId: task.id, State: task.state, Operation: task.operation }
  if (task.result !== null) json.Result = { Message: task.result.message, Success: task.result.success }
  json.Links = linksJson(taskLinks(task, base))
  json.Href = href(task, base)
  json.Type = 'Task'
  return json
}
