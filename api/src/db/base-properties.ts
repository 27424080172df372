import { p } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** Columns every table shares; spread into each entity's properties. */
export const baseProperties = {
  id: p.uuid().primary().onCreate(() => randomUUID()),
  createdAt: p.datetime().defaultRaw('now()').onCreate(() => new Date()),
};
