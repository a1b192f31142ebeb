/** True only in `npm run build:e2e`: the panel's shadow root is open so Playwright can reach it. */
declare const __RAPPORT_E2E__: boolean;
