/**
 * The bench's third side: the floor any Node SCIM server pays. A `node:http` server that reads
 * each request, runs the one SQL statement the plain-SQL side runs for that phase, and answers
 * with a SCIM-shaped JSON body built from the row, about the size of Roster's. No auth lookup, no
 * validation, no activity row: what is left is HTTP, JSON and one round trip to PostgreSQL.
 * Started as its own process (`node --import tsx api/bench/bare-server.ts`), like Roster.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const USER_COLUMNS = 'id, user_name, external_id, display_name, active, attributes, version, created_at, updated_at';
const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';

interface UserRow {
  id: string; user_name: string; external_id: string | null; display_name: string | null; active: boolean;
  attributes: Record<string, unknown>; version: number; created_at: Date; updated_at: Date;
}

function userResource(row: UserRow, base: string) {
  return {
    ...row.attributes,
    schemas: [USER_URN],
    id: row.id,
    userName: row.user_name,
    active: row.active,
    meta: { resourceType: 'User', created: row.created_at, lastModified: row.updated_at, version: `W/"${row.version}"`, location: `${base}/Users/${row.id}` },
  };
}

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  if (body === undefined) {
    res.writeHead(status);
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/scim+json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function userValues(body: Record<string, unknown>) {
  const emails = (body.emails as { value: string }[] | undefined) ?? [];
  return [body.userName, body.externalId ?? null, body.displayName ?? null, emails.map((email) => email.value), JSON.stringify(body)];
}

export function createBareHandler(pool: pg.Pool, companyId: string, base: string) {
  const users = (result: pg.QueryResult) => result.rows as UserRow[];
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://bare');
    const [, collection, id] = /^\/(Users|Groups)(?:\/([^/]+))?$/.exec(url.pathname.replace(/^.*\/scim\/v2\/[^/]+/, '')) ?? [];
    const method = req.method ?? 'GET';
    if (collection === 'Users' && method === 'POST') {
      const row = users(await pool.query(
        `insert into directory_user (id, company_id, source, user_name, external_id, display_name, active, email_values, attributes)
         values ($1, $2, 'SCIM', $3, $4, $5, true, $6, $7) returning ${USER_COLUMNS}`, [randomUUID(), companyId, ...userValues(await readBody(req))]))[0]!;
      return send(res, 201, userResource(row, base));
    }
    if (collection === 'Users' && method === 'GET' && !id) {
      const userName = /^userName eq "(.*)"$/.exec(url.searchParams.get('filter') ?? '')?.[1];
      const rows = userName !== undefined
        ? users(await pool.query(`select ${USER_COLUMNS} from directory_user where company_id = $1 and lower(user_name) = lower($2)`, [companyId, userName]))
        : users(await pool.query(
          `select count(*) over () as total, ${USER_COLUMNS} from directory_user where company_id = $1 order by created_at, id offset $2 limit $3`,
          [companyId, Number(url.searchParams.get('startIndex') ?? 1) - 1, Number(url.searchParams.get('count') ?? 100)]));
      const total = userName !== undefined ? rows.length : Number((rows[0] as { total?: string } | undefined)?.total ?? 0);
      return send(res, 200, { schemas: [LIST_URN], totalResults: total, itemsPerPage: rows.length, startIndex: 1, Resources: rows.map((row) => userResource(row, base)) });
    }
    if (collection === 'Users' && method === 'PATCH' && id) {
      await readBody(req);
      const [row] = users(await pool.query(
        `update directory_user set active = false, attributes = attributes || '{"active": false}', version = version + 1, updated_at = now()
         where company_id = $1 and id = $2 returning ${USER_COLUMNS}`, [companyId, id]));
      return row ? send(res, 200, userResource(row, base)) : send(res, 404);
    }
    if (collection === 'Users' && method === 'PUT' && id) {
      const [row] = users(await pool.query(
        `update directory_user set user_name = $3, external_id = $4, display_name = $5, active = true, email_values = $6,
           attributes = $7, version = version + 1, updated_at = now() where company_id = $1 and id = $2 returning ${USER_COLUMNS}`,
        [companyId, id, ...userValues(await readBody(req))]));
      return row ? send(res, 200, userResource(row, base)) : send(res, 404);
    }
    if (collection === 'Groups' && method === 'POST') {
      const body = await readBody(req);
      const groupId = randomUUID();
      await pool.query('insert into directory_group (id, company_id, display_name, attributes) values ($1, $2, $3, $4)',
        [groupId, companyId, body.displayName, JSON.stringify(body)]);
      return send(res, 201, { ...body, id: groupId, members: [], meta: { resourceType: 'Group', version: 'W/"1"', location: `${base}/Groups/${groupId}` } });
    }
    if (collection === 'Groups' && method === 'PATCH' && id) {
      const body = await readBody(req);
      const member = ((body.Operations as { value: { value: string }[] }[])[0]!.value[0]!).value;
      await pool.query('insert into directory_membership (group_id, member_id, member_user_id, company_id) values ($1, $2, $2, $3)', [id, member, companyId]);
      return send(res, 204);
    }
    if (method === 'DELETE' && id) {
      const table = collection === 'Users' ? 'directory_user' : 'directory_group';
      const result = await pool.query(`delete from ${table} where company_id = $1 and id = $2`, [companyId, id]);
      return send(res, result.rowCount ? 204 : 404);
    }
    send(res, 404);
  };
}

async function main(): Promise<void> {
  const { DATABASE_URL, COMPANY_ID, PORT, POOL_MAX } = process.env;
  // Idle connections kept, as Roster's pool keeps them: a backend that exits mid-phase blurs the CPU accounting.
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: Number(POOL_MAX ?? 16), idleTimeoutMillis: 0 });
  const handle = createBareHandler(pool, COMPANY_ID!, `http://127.0.0.1:${PORT}/pp/scim/v2/bare`);
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    handle(req, res).catch(() => send(res, 500));
  });
  server.listen(Number(PORT), '127.0.0.1', () => process.stdout.write('bare server listening\n'));
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  });
}

if (process.argv[1]?.endsWith('bare-server.ts')) void main();
