import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; the app applies them at start.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src-main/core/db/schema.ts',
  out: './resources/migrations',
});
