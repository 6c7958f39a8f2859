import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';

/**
 * The session cookie (HttpOnly, set by the gateway) authenticates every request; the page never
 * holds a token. `apollo-require-preflight` satisfies the gateway's CSRF prevention.
 */
export const client = new ApolloClient({
  link: new HttpLink({ uri: '/graphql', credentials: 'same-origin', headers: { 'apollo-require-preflight': 'true' } }),
  cache: new InMemoryCache({
    typePolicies: {
      // Each subgraph contributes fields of the same dossier: merge them.
      Dossier: { keyFields: ['id'] },
      Delivery: { merge: true },
      Query: { fields: { inbox: { merge: false } } },
    },
  }),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
