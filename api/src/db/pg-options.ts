import pg from 'pg';

const TEXT_ARRAY = 1009;
/** date, timestamp, timestamptz, interval. */
const DATE_TIME_TYPES = [1082, 1114, 1184, 1186];
/** Their arrays. */
const DATE_TIME_ARRAYS = [1182, 1115, 1185, 1187];

/**
 * Date and time values stay PostgreSQL's text, as MikroORM's own connections read them: rows
 * read the same through the ORM and through `Sql`, and a timestamp keeps its microseconds (keyset
 * cursors compare with them; a JavaScript Date would round them off).
 */
function dateTimesAsText(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  for (const oid of DATE_TIME_TYPES) types.setTypeParser(oid, (text: string) => text);
  // The text[] parser: arrays of these types are arrays of their text.
  const textArray = types.getTypeParser(TEXT_ARRAY) as unknown as (text: string) => string[];
  for (const oid of DATE_TIME_ARRAYS) types.setTypeParser(oid, textArray);
  return types;
}

/** The one place `pg` clients and pools outside the ORM take their connection options from. */
export function pgClientConfig(url: string): pg.ClientConfig {
  return { connectionString: url, types: dateTimesAsText() };
}

/**
 * A single connection outside any pool (an advisory lock, creating the database). A dropped
 * connection also fails the query in flight, which is what reports it.
 */
export function pgClient(url: string): pg.Client {
  const client = new pg.Client(pgClientConfig(url));
  client.on('error', () => undefined);
  return client;
}
