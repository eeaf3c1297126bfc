import { createFileRoute, stripSearchParams } from '@tanstack/react-router'
import { ProtectionScreen } from '@/features/protection/protection-screen.tsx'
import { PROTECTION_DEFAULTS, protectionSearchSchema } from '@/features/protection/search-params.ts'

// No loader: the view reads several answers (some may be refused to a Portal User) and shows its own progress.
export const Route = createFileRoute('/_app/protection/')({
  validateSearch: protectionSearchSchema,
  search: { middlewares: [stripSearchParams(PROTECTION_DEFAULTS)] },
  component: ProtectionScreen,
})
