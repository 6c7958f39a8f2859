import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations from the composed supergraph's API schema (schema.graphql, printed from
// gateway/src/compose.ts by scripts/print-schema.ts): a change of the API that breaks a page is a
// type error in `npm run typecheck`, not a surprise at run time.
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTime: 'string', Date: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
