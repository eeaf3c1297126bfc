import type { Store } from '../data/store.ts'

// Texts a dashboard must show as text, never as markup, and without breaking its layout.
export const HOSTILE_TEXTS = [
  '<script>alert("EM")</script>',
  '<img src=x onerror="alert(1)"> &amp; <b>bold</b> &lt;not a tag&gt;',
  `Long reason: ${'Processing failed because the datastore was unreachable. '.repeat(90)}`.slice(0, 5000),
  '\u202Eexe.txt — العملية فشلت בגלל שגיאה',
  'Emoji 🔥💾✅ 👩‍💻 and a zero-width\u200Bjoiner',
]

/**
 * Writes hostile texts into the failure messages of the most recent finished sessions and the reasons of their
 * tasks; a reset restores the generated data. Only texts change, so ids, times and links stay valid.
 */
export function injectHostileTexts(store: Store): { sessions: string[]; tasks: number } {
  const finished = store.sessions
    .filter((session) => session.state === 'Stopped')
    .slice(-HOSTILE_TEXTS.length)
  let tasks = 0
  finished.forEach((session, index) => {
    const text = HOSTILE_TEXTS[index % HOSTILE_TEXTS.length] ?? ''
    session.failureMessage = text
    for (const task of store.tasksOfSession(session.id)) {
      task.reason = text
      tasks += 1
    }
  })
  return { sessions: finished.map((session) => session.id), tasks }
}
