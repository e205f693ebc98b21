import { readFile } from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunRecord } from '../pipeline/report/run-record.ts';
import { draftingResponder } from './helpers/fake-model.ts';
import { cli, fastModelLimits, makeProject } from './helpers/project.ts';
import { startAnthropicServer, type AnthropicServer } from './servers/anthropic-server.ts';

let server: AnthropicServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('copydesk run with Claude (local Anthropic server, real SDK)', () => {
  it('drafts every sample brief, caches the voice guide, records every call and flags an invented price', async () => {
    server = await startAnthropicServer({
      apiKey: 'sk-ant-test-key',
      responder: draftingResponder((title) => (title === 'Seaside Linen Shirt' ? 'This week only it is $79, and it keeps you 30% cooler.' : undefined)),
    });
    const dir = await makeProject(fastModelLimits);
    const env = { ANTHROPIC_API_KEY: 'sk-ant-test-key', ANTHROPIC_BASE_URL: server.url };
    const { code, stdout, stderr } = await cli(dir, ['run', '--json'], env);
    expect(code, stderr).toBe(0);
    const record = JSON.parse(stdout) as RunRecord;
    expect(record.provider).toBe('anthropic');
    expect(record.totals.drafted + record.totals.flagged).toBe(7);
    expect(record.models).toContain('claude-sonnet-5-5');
    expect(record.usage.outputTokens).toBeGreaterThan(0);
    expect(record.costUsd).toBeGreaterThan(0);
    // The system prompt (role + voice guide) is written once and read from the cache afterwards.
    expect(record.usage.cacheReadTokens).toBeGreaterThan(0);
    expect(record.cacheHitRate).toBeGreaterThan(0.3);
    expect(stderr).toMatch(/cache hit \d+%/);
    expect(stderr).toMatch(/cost \$0\.\d{4}/);

    const audit = (await readFile(path.join(dir, '.copydesk/audit.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit).toHaveLength(server.messageRequests().length);
    expect(audit.every((a) => a.run === record.runId && typeof a.brief === 'string')).toBe(true);
    const everything = `${stdout}${stderr}${JSON.stringify(audit)}`;
    expect(everything).not.toContain('sk-ant-test-key');

    const shirt = matter(await readFile(path.join(dir, 'output/seaside-linen-shirt.md'), 'utf8'));
    const rules = (shirt.data.review as { rule: string; message: string; line?: number }[]);
    expect(rules.find((r) => r.rule === 'review/price-mismatch')).toMatchObject({ line: expect.any(Number) });
    expect(rules.find((r) => r.rule === 'review/unsupported-number' && r.message.includes('30%'))).toBeDefined();
    expect(shirt.data.draft).toBe(true);
    expect((shirt.data.copydesk as { model: string }).model).toBe('claude-sonnet-5-5');

    // Nothing changed: the second run sends nothing to the API.
    const before = server.messageRequests().length;
    const again = JSON.parse((await cli(dir, ['run', '--json'], env)).stdout) as RunRecord;
    expect(again.totals.modelCalls).toBe(0);
    expect(server.messageRequests().length).toBe(before);
  });

  it('a refusal flags the brief with its category and invents no text', async () => {
    server = await startAnthropicServer({ script: [{ kind: 'refusal', category: 'general_harms' }], responder: draftingResponder() });
    const dir = await makeProject(fastModelLimits);
    const env = { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: server.url };
    const { stdout } = await cli(dir, ['run', '--json', '--concurrency', '1', 'briefs/products/harbor-chore-jacket.md'], env);
    const record = JSON.parse(stdout) as RunRecord;
    expect(record.briefs[0]?.status).toBe('flagged');
    expect(record.briefs[0]?.flags.find((f) => f.rule === 'review/refusal')?.message).toContain('general_harms');
    const draft = matter(await readFile(path.join(dir, 'output/harbor-chore-jacket.md'), 'utf8'));
    expect(draft.content.trim()).toBe('');
  });

  it('stops at the budget with exit 4 and picks the deferred briefs up next time', async () => {
    server = await startAnthropicServer({ responder: draftingResponder() });
    const dir = await makeProject(fastModelLimits);
    const env = { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: server.url };
    const first = await cli(dir, ['run', '--json', '--concurrency', '1', '--max-cost', '0.05'], env);
    expect(first.code).toBe(4);
    const record = JSON.parse(first.stdout) as RunRecord;
    expect(record.costUsd).toBeLessThanOrEqual(0.05);
    expect(record.totals.deferred).toBeGreaterThan(0);
    const second = await cli(dir, ['run', '--json'], env);
    expect(second.code, second.stderr).toBe(0);
    const after = JSON.parse(second.stdout) as RunRecord;
    expect(after.totals.deferred).toBe(0);
    expect(after.totals.written).toBe(record.totals.deferred);
  });

  it('--batch sends one Message Batch and exits; the next invocation collects it and goes on', async () => {
    server = await startAnthropicServer({ responder: draftingResponder() });
    const dir = await makeProject(fastModelLimits);
    const env = { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: server.url };
    const first = JSON.parse((await cli(dir, ['run', '--json', '--batch', 'briefs/products'], env)).stdout) as RunRecord;
    expect(first.totals.deferred).toBe(3);
    expect(first.batch?.submitted).toEqual([{ batchId: expect.any(String), requestCount: 3 }]);
    expect(server.messageRequests()).toHaveLength(0);
    const done = await cli(dir, ['run', '--json', '--batch', '--wait', 'briefs/products'], env);
    expect(done.code, done.stderr).toBe(0);
    const second = JSON.parse(done.stdout) as RunRecord;
    expect(second.batch?.collected).toContain(first.batch?.submitted[0]?.batchId);
    expect(second.totals.deferred).toBe(0);
    expect(second.totals.written).toBe(3);
  });

  it('plan estimates tokens with count_tokens and dollars before anything is spent', async () => {
    server = await startAnthropicServer({ responder: draftingResponder() });
    const dir = await makeProject(fastModelLimits);
    const env = { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: server.url };
    const { stdout } = await cli(dir, ['plan', '--json'], env);
    const plan = JSON.parse(stdout) as { briefs: { estimate?: { source: string; inputTokens: number; worstCaseUsd: number } }[]; estimate: { worstCaseUsd: number } };
    expect(plan.briefs).toHaveLength(7);
    expect(plan.briefs.every((b) => b.estimate?.source === 'count_tokens' && b.estimate.inputTokens > 500)).toBe(true);
    expect(plan.estimate.worstCaseUsd).toBeGreaterThan(0);
    expect(server.messageRequests()).toHaveLength(0);
    expect(server.requests.filter((r) => r.path === '/v1/messages/count_tokens')).toHaveLength(7);
  });

  it('removes a link the model invented to a page outside the inventory, and flags it', async () => {
    server = await startAnthropicServer({ responder: draftingResponder(() => 'See [the best shirts](https://competitor.example/shop) before you buy.') });
    const dir = await makeProject(fastModelLimits);
    const env = { ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: server.url };
    const { stdout } = await cli(dir, ['run', '--json', 'briefs/harbor-pine/what-is-gsm.md'], env);
    const record = JSON.parse(stdout) as RunRecord;
    expect(record.briefs[0]?.flags.find((f) => f.rule === 'links/removed-unknown-link')).toMatchObject({ line: expect.any(Number) });
    const draft = matter(await readFile(path.join(dir, 'output/fabric-weight-gsm.md'), 'utf8'));
    expect(draft.content).not.toContain('competitor.example');
    expect(draft.content).toContain('See the best shirts before you buy.');
  });
});
