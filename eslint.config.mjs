import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      ".next/",
      ".next-*/",
      ".data/",
      "test-results/",
      "playwright-report/",
      "db/migrations/",
      "next-env.d.ts",
      ".bench/",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration from `env` in lib/env.ts; nothing else reads process.env.",
        },
      ],
    },
  },
  {
    // The env module itself, Next's runtime probe, test harness and build tooling may read process.env.
    files: [
      "lib/env.ts",
      "instrumentation.ts",
      "next.config.ts",
      "tests/**",
      "e2e/**",
      "scripts/**",
      "playwright.config.ts",
      "vitest.config.ts",
      "drizzle.config.ts",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // CommonJS files (the server-only preload) load modules with require().
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // useTestDb() is a test helper named like a hook, and Playwright fixtures hand their
    // value over with use(): neither is a React hook.
    files: ["**/*.test.ts", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
);
