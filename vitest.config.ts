import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {test: {name: "unit", include: ["test/**/*.test.ts"], exclude: ["test/e2e/**"], testTimeout: 60_000}},
      // Browser tests build the site once (globalSetup) and run their files one at a time (one fork): a Chromium each at once would starve 2 cores.
      {test: {name: "e2e", include: ["test/e2e/**/*.test.ts"], globalSetup: ["test/e2e/globalSetup.ts"], testTimeout: 120_000, hookTimeout: 600_000, pool: "forks", poolOptions: {forks: {singleFork: true}}}}
    ]
  }
});
