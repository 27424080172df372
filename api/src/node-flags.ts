/**
 * Node flags for the server process, in every way it is started: `npm start`, the Docker image,
 * and the tests and benches (test/process.ts); test/node-flags.test.ts keeps them in step.
 *
 * A 32 MB young generation (instead of 16 MB) halves how often the scavenger stops the server.
 * Under the SCIM bench each scavenge kept the few requests it interrupted waiting 5–16 ms on a
 * two-core machine; with the larger space creates ran about 10 % faster with a lower p99.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'] as const;
