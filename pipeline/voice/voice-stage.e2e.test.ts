/** One rewrite round end to end: the voice stage → the Anthropic provider (real SDK) → the local Messages API server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAnthropicServer, type AnthropicServer, type MessageRequestView } from '../../test/servers/anthropic-server.ts';
import { createAnthropicProvider } from '../models/anthropic-provider.ts';
import type { ModelAnswer } from '../models/types.ts';
import { makeContext, makeDoc, ROOT } from './__fixtures__/stage.ts';
import { createVoiceStage, type VoiceStageResult } from './voice-stage.ts';

/** A copy editor that reads the paragraphs out of the user message and drops the hype and the claim. */
function editor(view: MessageRequestView) {
  const content = view.body.messages?.[0]?.content;
  const text = typeof content === 'string' ? content : '';
  const paragraphs = [...text.matchAll(/^### (\S+)\n\n([\s\S]*?)\n\nBreaks:/gm)].map((m) => ({
    id: m[1] as string,
    text: (m[2] as string).replace('revolutionary ', '').replace('is guaranteed to keep', 'keeps'),
  }));
  return { kind: 'json' as const, value: { paragraphs } };
}

describe('voice stage against the local Anthropic server', () => {
  let server: AnthropicServer;
  beforeAll(async () => {
    server = await startAnthropicServer({ apiKey: 'test-key', responder: editor, minCacheableTokens: 100 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('rewrites the offending paragraph, keeps the facts, and caches the voice guide', async () => {
    const provider = createAnthropicProvider({ apiKey: 'test-key', baseURL: server.url });
    const answers: ModelAnswer[] = [];
    const call = async (request: Parameters<typeof provider.complete>[0]) => {
      const answer = await provider.complete(request);
      answers.push(answer);
      return answer;
    };
    const stage = createVoiceStage({ root: ROOT });
    const first = await stage.run(makeDoc(), makeContext(call));
    const voice = first.stages['voice'] as VoiceStageResult;
    expect(first.markdown).toContain('Our shirt keeps you cool. It costs $89.00 and ships from Portland, Maine.');
    expect(voice.rounds).toBe(1);
    expect(voice.after).toBeGreaterThan(voice.before);
    expect(first.flags).toEqual([]);

    await stage.run(makeDoc(), makeContext(call));
    const [body] = server.messageRequests().map((r) => r.body as { system: { text: string; cache_control?: { ttl: string } }[] });
    expect(body?.system[0]?.text).toContain('Harbor & Pine: how we sound');
    expect(body?.system[0]?.cache_control?.ttl).toBe('1h');
    expect(answers[0]?.usage.cacheWriteTokens).toBeGreaterThan(0);
    expect(answers[1]?.usage.cacheReadTokens).toBeGreaterThan(0);
  }, 30_000);
});
