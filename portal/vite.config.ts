import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The gateway serves the build (gateway/src/portal-routes.ts); `npm run dev -w portal` proxies the
// API to a running `npm start` for work on the pages.
const api = process.env.PORTAL_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: {
    proxy: Object.fromEntries(['/graphql', '/auth', '/intake', '/processing', '/delivery', '/statistics'].map((p) => [p, api])),
  },
});
