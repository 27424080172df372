import { builder } from './builder.js';
import '../modules/access/access.graphql.js';

/** Every module's *.graphql.ts is imported above for its side effects on the builder. */
export const schema = builder.toSchema({ sortSchema: false });
