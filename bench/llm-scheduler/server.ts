/**
 * The benchmark's server, run in its own process (so the client's event loop does not delay it):
 * `fork()`ed by run.ts with the options as JSON in argv[2]; sends `{url}` when listening, answers
 * `'report'` with its counters and admitted requests, and exits on `'close'`.
 */
import { startAnthropicServer, type AnthropicServerOptions, type MessageBody } from '../../test/servers/anthropic-server.ts';

export type BenchServerReport = {
  readonly stats: { received: number; answered: number; rateLimited: number; serverErrors: number; resets: number };
  /** Requests admitted (HTTP 200): arrival time and brief number. */
  readonly admitted: readonly { readonly at: number; readonly brief: number }[];
  /** Why each 429 was sent (the limit it would have exceeded). */
  readonly limited: readonly string[];
};

/** Answer length of brief `i`: a deterministic spread of 300–600 tokens. */
export const outputTokensFor = (i: number): number => 300 + ((i * 7919) % 301);

/** The brief number a request is about. */
export const briefOf = (body: MessageBody): number => Number(/Brief (\d+)/.exec(JSON.stringify(body.messages))?.[1] ?? -1);

if (process.send) {
  const options = JSON.parse(process.argv[2] ?? '{}') as AnthropicServerOptions;
  const server = await startAnthropicServer({
    ...options,
    responder: ({ body }) => ({ kind: 'text', text: 'Draft text. '.repeat(outputTokensFor(briefOf(body))), outputTokens: outputTokensFor(briefOf(body)) }),
  });
  process.on('message', (message) => {
    if (message === 'report') {
      const admitted = server
        .messageRequests()
        .filter((r) => r.status === 200)
        .map((r) => ({ at: r.receivedAt, brief: briefOf(r.body as MessageBody) }));
      const limited = server
        .messageRequests()
        .filter((r) => r.status === 429)
        .map((r) => r.rejected ?? '');
      process.send?.({ stats: server.stats(), admitted, limited } satisfies BenchServerReport);
    } else if (message === 'close') {
      void server.close().then(() => process.exit(0));
    }
  });
  process.send({ url: server.url });
}
