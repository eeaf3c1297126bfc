// zod for EM's documents (the start-up code validates with valibot, src/lib/valibot.ts, to keep zod out of the
// initial JS): zod/mini, the tree-shakable build (functions, not methods, so a bundle carries only what
// it uses). Classic zod was about 25 KB gzip of the initial JS (issue 18's budget is 120 KB). Mini ships without
// messages; English is set here, once, before any schema parses, so every error reads as classic zod's did (EM
// parse errors show them to people).
import { en } from 'zod/locales'
import * as z from 'zod/mini'

z.config(en())

export { z }

/** Classic zod's preprocess, which zod/mini leaves out: `fn` on the raw value, then `schema` on its result. */
export function preprocess<T extends z.ZodMiniType>(
  fn: (value: unknown, ctx: z.core.ParsePayload) => unknown,
  schema: T,
) {
  return z.pipe(z.transform(fn), schema)
}

/** An issue from inside a transform: zod/mini hands transforms the bare payload, without classic's addIssue. */
export function addIssue(ctx: z.core.ParsePayload, message: string, path: PropertyKey[] = []): void {
  ctx.issues.push({ code: 'custom', message, input: ctx.value, path })
}
