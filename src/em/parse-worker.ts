// The worker that decodes EM bodies (XML above all: ~150 ms for a 1,000-session page) off the main thread.
import { answerDecodeRequest, type DecodeRequest } from './decode-message.ts'

self.addEventListener('message', (event: MessageEvent<DecodeRequest>) => {
  self.postMessage(answerDecodeRequest(event.data))
})
