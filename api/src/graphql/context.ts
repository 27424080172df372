import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config.js';
import type { EventBus } from '../events/event-bus.js';
import type { Logger } from '../logger.js';
import type { Principal } from '../modules/access/principal.js';
import type { Services } from '../services.js';
import type { PresentedCredential } from '../modules/access/credentials.js';

export type NoteCompany = (req: IncomingMessage, slug: string | undefined) => void;

/** What every resolver receives; `principal` is null for anonymous callers. */
export interface GraphqlContext {
  principal: Principal | null;
  /** The credential sent, whether or not it was accepted. */
  credential: PresentedCredential;
  services: Services;
  config: Config;
  logger: Logger;
  events: EventBus;
  requestId: string;
  /** Present over HTTP (not over WebSocket): lets sign-in/out set the session cookie. */
  res?: ServerResponse;
  req?: IncomingMessage;
  noteCompany: NoteCompany;
}
