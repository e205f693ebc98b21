/** The voice stage with a scripted model: fixes, rewrite rounds, never worse, facts kept. */
import { describe, expect, it } from 'vitest';
import type { ModelAnswer, ModelRequest } from '../models/types.ts';
import { ZERO_USAGE } from '../models/types.ts';
import { BRIEF, DRAFT, makeContext, makeDoc, ROOT } from './__fixtures__/stage.ts';
import { offlineVoiceRewrite, type RewriteInput } from './rewrite-request.ts';
import { createVoiceStage, type VoiceStageResult } from './voice-stage.ts';

const stage = createVoiceStage({ root: ROOT });

function answer(json: unknown): ModelAnswer {
  return { text: JSON.stringify(json), json, usage: ZERO_USAGE, stopReason: 'end_turn', model: 'scripted', provider: 'test', latencyMs: 0 };
}

/** A scripted model: `edit` rewrites each paragraph text; every request is recorded. */
function scripted(edit: (text: string, round: number) => string) {
  const requests: ModelRequest[] = [];
  const call = async (request: ModelRequest): Promise<ModelAnswer> => {
    requests.push(request);
    const input = request.input as RewriteInput;
    return answer({ paragraphs: input.paragraphs.map((p) => ({ id: p.id, text: edit(p.text, requests.length) })) });
  };
  return { call, requests };
}

const offline = async (request: ModelRequest): Promise<ModelAnswer> => {
  const { text, json } = offlineVoiceRewrite(request);
  return { ...answer(json), text };
};

describe('voice stage', () => {
  it('offline: applies the deterministic fixes only and flags the errors that remain', async () => {
    const doc = await stage.run(makeDoc(), makeContext(offline));
    const voice = doc.stages['voice'] as VoiceStageResult;
    expect(doc.markdown).toContain('Harbor & Pine washes every shirt');
    expect(doc.markdown).toContain('Our revolutionary shirt is guaranteed');
    expect(voice.fixed).toBe(1);
    expect(voice.after).toBeGreaterThan(voice.before);
    expect(voice.rounds).toBe(1);
    expect(doc.flags.map((f) => f.rule)).toEqual(['voice/Brand.Hype', 'voice/Brand.Claims', 'voice/score-below-threshold']);
    expect(doc.flags[0]).toMatchObject({ line: 5, column: 5, severity: 'error', message: "Cut the hype word 'revolutionary'." });
    expect(voice.alerts.find((a) => a.rule === "Brand.Claims")).toMatchObject({ line: 5, column: 28 });
  });

  it('sends only the offending paragraphs, with the voice guide cached first in the system prompt', async () => {
    const model = scripted((t) => t);
    await stage.run(makeDoc(), makeContext(model.call));
    const [request] = model.requests;
    expect(request?.task).toBe('voice-rewrite');
    expect(request?.system[0]?.text).toContain('Harbor & Pine: how we sound');
    expect(request?.system[0]?.cache).toBe('1h');
    expect(request?.system[1]?.text).toContain('copy editor for Harbor & Pine');
    const input = request?.input as RewriteInput;
    expect(input.paragraphs.map((p) => p.text)).toEqual(['Our revolutionary shirt is guaranteed to keep you cool. It costs $89.00 and ships from Portland, Maine.']);
    expect(input.paragraphs[0]?.alerts.map((a) => a.rule)).toEqual(['Brand.Hype', 'HarborPine.Passive', 'Brand.Claims']);
  });

  it('a rewrite that fixes the paragraph raises the score and clears the flags', async () => {
    const model = scripted((t) => t.replace('Our revolutionary shirt is guaranteed to keep you cool.', 'Linen lets air through and dries fast.'));
    const doc = await stage.run(makeDoc(), makeContext(model.call));
    const voice = doc.stages['voice'] as VoiceStageResult;
    expect(doc.markdown).toContain('Linen lets air through and dries fast. It costs $89.00 and ships from Portland, Maine.');
    expect(voice.after).toBeGreaterThanOrEqual(85);
    expect(voice.rounds).toBe(1);
    expect(doc.flags).toEqual([]);
  });

  it('improves a little each round and stops after max_rounds under the threshold', async () => {
    const model = scripted((t, round) => (round === 1 ? t.replace('revolutionary ', '') : t.replace('is guaranteed to keep', 'keeps')));
    const doc = await stage.run(makeDoc(), makeContext(model.call, { max_rounds: 2, threshold: 100 }));
    const voice = doc.stages['voice'] as VoiceStageResult;
    expect(model.requests).toHaveLength(2);
    expect(voice.rounds).toBe(2);
    expect(voice.history.map((h) => h.kept)).toEqual([true, true]);
    expect(voice.history[1]!.score).toBeGreaterThan(voice.history[0]!.score);
    expect(voice.history[0]!.score).toBeGreaterThan(voice.before);
    expect(doc.markdown).toContain('Our shirt keeps you cool. It costs $89.00');
    expect(doc.flags).toEqual([]);

    const once = scripted((t, round) => (round === 1 ? t.replace('revolutionary ', '') : t.replace('is guaranteed to keep', 'keeps')));
    const stopped = await stage.run(makeDoc(), makeContext(once.call, { max_rounds: 1, threshold: 100 }));
    expect(once.requests).toHaveLength(1);
    expect((stopped.stages['voice'] as VoiceStageResult).rounds).toBe(1);
    expect(stopped.flags.map((f) => f.rule)).toEqual(['voice/Brand.Claims', 'voice/score-below-threshold']);
  });

  it('never keeps a worse version', async () => {
    const model = scripted((t) => `${t} It is a must-have, best in the world.`);
    const doc = await stage.run(makeDoc(), makeContext(model.call, { max_rounds: 2 }));
    const voice = doc.stages['voice'] as VoiceStageResult;
    expect(doc.markdown).not.toContain('must-have');
    expect(voice.history.every((h) => !h.kept)).toBe(true);
    expect(voice.rounds).toBe(2);
  });

  it('rejects a rewrite that drops or changes a number or a name of the brief', async () => {
    for (const edit of [(t: string) => t.replace('$89.00', '$79.00'), (t: string) => t.replace(' from Portland, Maine', ''), (t: string) => t.replace('$89.00', 'less than you think')]) {
      const model = scripted((t) => edit(t).replace('revolutionary ', '').replace('is guaranteed to keep', 'keeps'));
      const doc = await stage.run(makeDoc(), makeContext(model.call, { max_rounds: 1 }));
      const voice = doc.stages['voice'] as VoiceStageResult;
      expect(doc.markdown).toContain('It costs $89.00 and ships from Portland, Maine.');
      expect(voice.history[0]?.rejected[0]?.reason).toMatch(/number|Portland, Maine/);
    }
  });

  it('rejects a rewrite that splits the paragraph or drops a link', async () => {
    const linked = DRAFT.replace('ships from Portland, Maine.', 'ships from [Portland, Maine](/about/workshop).');
    const cases: Array<[(t: string) => string, RegExp]> = [
      [(t) => t.replace('. It costs', '.\n\nIt costs'), /not a single paragraph/],
      [(t) => t.replace('[Portland, Maine](/about/workshop)', 'Portland, Maine'), /drops the link \/about\/workshop/],
    ];
    for (const [edit, reason] of cases) {
      const model = scripted((t) => edit(t.replace('revolutionary ', '')));
      const doc = await stage.run(makeDoc(linked), makeContext(model.call, { max_rounds: 1 }));
      expect((doc.stages['voice'] as VoiceStageResult).history[0]?.rejected[0]?.reason).toMatch(reason);
      expect(doc.markdown).toContain('revolutionary');
    }
  });

  it('a refusal stops the loop with a review flag and keeps the fixed draft', async () => {
    const call = async (): Promise<ModelAnswer> => ({ ...answer(undefined), text: '', stopReason: 'refusal', refusalCategory: 'policy' });
    const doc = await stage.run(makeDoc(), makeContext(call));
    expect(doc.flags.map((f) => f.rule)).toContain('voice/rewrite-failed');
    expect(doc.markdown).toContain('Harbor & Pine washes');
  });

  it('is disabled by config and keeps every other flag', async () => {
    const doc = await stage.run(makeDoc(DRAFT), makeContext(offline, { enabled: false }));
    expect(doc.stages['voice']).toBeUndefined();
    expect(doc.job.brief).toBe(BRIEF);
  });
});
