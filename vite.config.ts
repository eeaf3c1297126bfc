import { fileURLToPath } from 'node:url'
import { tanstackRouter } from '@tanstack/router-plugin/vite'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'
import { sourceMapsWanted } from './proxy/build-source-maps.ts'
import { buildVersionPlugin, createBuildId } from './proxy/build-version.ts'
import { emProxyPlugin } from './proxy/vite-plugin.ts'

const src = fileURLToPath(new URL('./src', import.meta.url))

export default defineConfig({
  plugins: [
    tanstackRouter({
      target: 'react',
      routesDirectory: './src/app/routes',
      generatedRouteTree: './src/app/route-tree.gen.ts',
      autoCodeSplitting: true,
    }),
    react(),
    // Wall screens poll /version.json and reload when a new build is deployed.
    buildVersionPlugin(createBuildId()),
    // Inert under Vitest: tests start their own emulator (STYLE §3.10).
    ...(process.env.VITEST ? [] : [emProxyPlugin()]),
  ],
  resolve: {
    alias: [
      { find: '@', replacement: src },
      // TanStack's store (the router) and recharts import the with-selector hook through the package's shim for
      // React < 18; React 19 has useSyncExternalStore, and the package's own non-shim build of the same hook uses it
      // directly. Without this the shim rode along in the initial JS (issue 18).
      {
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
    ],
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  // No source maps in dist/ unless BUILD_SOURCEMAPS=1 (README "Deploying").
  build: {
    target: 'es2022',
    sourcemap: sourceMapsWanted(process.env),
    rolldownOptions: {
      output: {
        // What every first load needs (the entry's static graph) in two files, not fourteen: rolldown's automatic
        // splitting cut it into a chunk per set of importers, and each file compressed alone and glued to the
        // others by import/export lists cost about 6 KB gzip and a round trip each (issue 18). The libraries get
        // their own file, so a deploy that only changes the app leaves the browser's copy of them valid.
        codeSplitting: {
          groups: [
            { name: 'vendor', tags: ['$initial'], test: /[\\/]node_modules[\\/]/, priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
            // The routes' shared code in two files, not twenty: the explorer's first screen asked for 17 files of
            // 0.5-5 KB behind the entry, six at a time over HTTP/1.1, and its instant start waited on the last of
            // them (issue 18). Its own small components and helpers go to one, TanStack Query's hooks and Virtual to
            // the other; src/lib/zod.ts stays out, so the wall still loads no zod.
            {
              name: 'shared',
              test: (id) => /[\\/]src[\\/](components|lib)[\\/]/.test(id) && !/[\\/]zod\.ts$/.test(id),
              priority: 0,
            },
            {
              name: 'query',
              test: /[\\/]node_modules[\\/]@tanstack[\\/](query-core|react-query|virtual-core|react-virtual)[\\/]/,
              priority: 0,
            },
          ],
        },
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'emulator/**/*.test.ts', 'proxy/**/*.test.ts', 'bench/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          setupFiles: ['./src/test/setup.ts'],
        },
      },
    ],
  },
})
