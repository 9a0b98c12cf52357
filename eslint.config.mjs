import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // The environment is read once, validated, in lib/env.ts (lib/env-schema.ts); scripts, tests
    // and tool configuration files run outside the app and read their own.
    files: ["app/**", "components/**", "lib/**", "proxy.ts", "instrumentation.ts"],
    ignores: ["lib/env.ts", "**/*.test.ts", "**/*.test.tsx"],
    rules: {
      "no-restricted-properties": [
        "error",
        {
          object: "process",
          property: "env",
          message: "Read the environment through `env` from lib/env.ts, where every variable is validated.",
        },
      ],
    },
  },
  {
    // Links without prefetching by default (components/link.tsx, issue 12): each prefetch of a
    // dynamic page is a request to the server for nothing a click reuses.
    files: ["app/**", "components/**", "lib/**"],
    ignores: ["components/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: "Import Link from @/components/link: no prefetch unless a link asks for it." }] },
      ],
    },
  },
  {
    ignores: [
      ".next/**",
      ".next-*/**",
      ".data/**",
      "node_modules/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "public/**",
    ],
  },
  // Layout is Prettier's (npm run format): no ESLint rule argues with it.
  prettier,
];

export default config;
