import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development the API runs separately (`sluice server`); Vite forwards /api to it.
const apiTarget = process.env.SLUICE_API_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
});
