// The two servers the end-to-end tests run against (started by playwright.config.ts): the app as learners
// meet it (production build), and a development server for the authoring tests. Each has its own store.
export const APP = { port: Number(process.env.E2E_PORT ?? 3100), db: '.data/e2e/app.sqlite', pool: 'e2e' };
export const DEV = { port: APP.port + 1, db: '.data/e2e/dev.sqlite', pool: 'e2e-dev' };
