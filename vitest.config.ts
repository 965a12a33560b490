import path from "node:path";
import { fileURLToPath } from "node:url";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumLaunchOptions } from "./test/support/chromium";

const dirname = path.dirname(fileURLToPath(import.meta.url));

const chromium = playwright({ launchOptions: chromiumLaunchOptions });

// A fresh object per project: Vitest writes each project's name into its browser instances.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: chromium,
  instances: [{ browser: "chromium" as const }],
});

export default defineConfig({
  test: {
    // A generous ceiling for a busy two-core machine: tests assert behaviour, never speed (that is the bench).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        // Unit tests in jsdom: the widgets, hooks and engine, queried by role and name.
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          include: ["test/**/*.test.{ts,tsx}"],
          exclude: ["test/browser/**", "test/node/**"],
          setupFiles: ["test/setup.ts"],
          globals: true,
        },
      },
      {
        // Node only: the server entry, the built package, server rendering.
        extends: true,
        test: { name: "node", environment: "node", include: ["test/node/**/*.test.{ts,tsx}"], globals: true },
      },
      {
        // Real Chromium: what jsdom cannot show (layout, visibility, IndexedDB, keepalive).
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.{ts,tsx}"],
          setupFiles: ["test/setup.ts"],
          browser: browser(),
          globals: true,
        },
        // Bundled before the first test, so Vite never reloads a running test to add a dependency.
        optimizeDeps: {
          include: [
            "react",
            "react-dom",
            "react-dom/client",
            "@testing-library/react",
            "@testing-library/user-event",
            "clsx",
            "@assistant-ui/react",
          ],
        },
      },
      {
        // Every story is a test: it renders, its play function passes, and axe finds no violation.
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, ".storybook") })],
        // Bundled up front: found only mid-run (the recipes), they would make Vite reload the page under a test.
        optimizeDeps: { include: ["@ai-sdk/react", "@assistant-ui/react"] },
        test: { name: "storybook", browser: browser() },
      },
    ],
  },
});
