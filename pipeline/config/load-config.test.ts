import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../errors.ts';
import { loadConfig, loadEnvFile, parseConfig } from './load-config.ts';

function problems(text: string): string[] {
  try {
    parseConfig(text, 'copydesk.config.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.messages.map((m) => `${m.line}:${m.column} ${m.rule} ${m.message}`);
    throw error;
  }
  return [];
}

describe('config', () => {
  it('fills every default', () => {
    expect(parseConfig('', 'c.yaml')).toMatchObject({ briefs: 'briefs', output: 'output', target: 'static', dialect: 'hugo', concurrency: 4, models: { draft: 'claude-sonnet-5-5' } });
  });

  it('reports every problem at once, located, with suggestions', () => {
    expect(problems('briefs: b\ndialect: jekyll\nconcurency: 3\nbrand:\n  nme: x\n')).toEqual([
      '2:10 config/invalid-value `dialect`: Invalid option: expected one of "hugo"|"astro"|"eleventy"',
      '3:1 config/unknown-key Unknown key `concurency`; did you mean `concurrency`?',
      '5:3 config/unknown-key Unknown key `brand.nme`; did you mean `name`?',
    ]);
    expect(problems('concurrency: [\n')).toEqual(['2:1 config/yaml-syntax Flow sequence in block collection must be sufficiently indented and end with a ] (YAML BAD_INDENT)']);
  });

  it('is found by walking up, and .env never overrides the environment', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'copydesk-config-'));
    await writeFile(path.join(root, 'copydesk.config.yaml'), 'target: static\nconcurrency: 2\n');
    await mkdir(path.join(root, 'briefs/deep'), { recursive: true });
    const loaded = loadConfig(path.join(root, 'briefs/deep'), undefined, {});
    expect(loaded.root).toBe(root);
    expect(loaded.config.concurrency).toBe(2);
    expect(() => loadConfig(root, 'missing.yaml', {})).toThrow(ConfigError);

    await writeFile(path.join(root, '.env'), 'COPYDESK_TEST_A=from-file\nCOPYDESK_TEST_B=from-file\n');
    process.env.COPYDESK_TEST_A = 'from-env';
    loadEnvFile(root);
    expect(process.env.COPYDESK_TEST_A).toBe('from-env');
    expect(process.env.COPYDESK_TEST_B).toBe('from-file');
    delete process.env.COPYDESK_TEST_A;
    delete process.env.COPYDESK_TEST_B;
  });
});
