import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { Provider, useQuery } from '@urql/preact';
import { graphql } from './gql/index.js';

const client = new Client({ url: '/graphql', exchanges: [cacheExchange, fetchExchange] });

const ViewerQuery = graphql(`
  query AppViewer {
    viewer {
      id
      email
    }
  }
`);

function Home() {
  const [{ data, fetching }] = useQuery({ query: ViewerQuery });
  if (fetching) return <p>Loading…</p>;
  return <p>{data?.viewer ? `Signed in as ${data.viewer.email}` : 'Not signed in'}</p>;
}

export function App() {
  return (
    <Provider value={client}>
      <main>
        <h1>Roster</h1>
        <Home />
      </main>
    </Provider>
  );
}
