// The worker that decodes EM bodies (XML above all: ~150 ms for a 1,000-session page) off the main thread.
import { answerMessages, type DecodeRequest } from './decode-message.ts'

self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  for (const message of answerMessages(event.data)) self.postMessage(message)
})
