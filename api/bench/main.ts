/** `npm run bench -- <name>`: runs one benchmark by name. */
const benches: Record<string, () => Promise<{ run(): Promise<void> }>> = {
  'bulk-delete': () => import('./bulk-delete.bench.js'),
  counts: () => import('./counts.bench.js'),
  'large-groups': () => import('./large-groups.bench.js'),
  directory: () => import('./directory.bench.js'),
  scim: () => import('./scim.bench.js'),
  soak: async () => (await import('./tenants.bench.js')).soak,
  tenants: async () => (await import('./tenants.bench.js')).tenants,
};

async function main(): Promise<void> {
  const name = process.argv[2];
  const load = name ? benches[name] : undefined;
  if (!load) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}>\n`);
    process.exit(2);
  }
  await (await load()).run();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
