// An import resolver (eslint-module-utils interface 2) for NodeNext TypeScript: a relative
// `./x.js` names `./x.ts` (or `.tsx`) on disk. Packages are left to the node resolver.
const fs = require('node:fs');
const path = require('node:path');

exports.interfaceVersion = 2;

exports.resolve = (source, file) => {
  if (!source.startsWith('.')) return { found: false };
  const target = path.resolve(path.dirname(file), source);
  const stem = target.replace(/\.(js|jsx)$/, '');
  for (const candidate of [target, `${stem}.ts`, `${stem}.tsx`, path.join(target, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return { found: true, path: candidate };
  }
  return { found: false };
};
