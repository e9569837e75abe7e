// Lint: typescript-eslint's recommended rules, and no import cycles between modules.
import tseslint from "typescript-eslint";
import importX from "eslint-plugin-import-x";

export default tseslint.config(
  {
    ignores: [
      "generated/**",
      "dist/**",
      "node_modules/**",
      "neo4j-launcher/**",
      "test-artifacts/**",
      ".data/**",
      "bench/results/**",
    ],
  },
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: { "import-x/resolver": { typescript: true, node: true } },
    rules: {
      "import-x/no-cycle": ["error", { ignoreExternal: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  {
    // bench/ and test/ use the product as any caller would: through each module's index.ts (a folder
    // of src/ with an index.ts is a module), never a file behind it.
    files: ["bench/**/*.ts", "test/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(\\.\\./)+src/([^/]+/)+(?!index\\.ts$)[^/]+$",
              message: "import the module's index.ts (export what is needed there), not a file behind it",
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may not be imported by the product.
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/test/**"], message: "src must not import test code" }] },
      ],
    },
  },
);
