/** Reads a team's `.vale.ini`: StylesPath, MinAlertLevel, Vocab, BasedOnStyles and rule lines, per-glob sections. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { UsageError } from '../../errors.ts';
import type { Severity } from '../../messages.ts';
import type { RuleSetting } from './rule-set.ts';
import type { RuleSource } from './rules.ts';
import { LEVELS } from './types.ts';
import { valeBuiltinRules } from './vale-builtins.ts';

/** A `.vale.ini` that cannot be read or has a bad line: a usage error (exit 2). */
export class ValeIniError extends UsageError {
  override readonly name = 'ValeIniError';
}

type Section = { readonly glob: string; basedOn: string[] | undefined; readonly rules: Record<string, RuleSetting>; readonly ignores: string[] };

export type ValeIni = {
  readonly file: string;
  /** Absolute styles folder (StylesPath resolved against the ini's folder). */
  readonly stylesPath: string;
  readonly minAlertLevel: Severity;
  readonly vocab: readonly string[];
  readonly global: Section;
  readonly sections: readonly Section[];
};

export type ResolvedValeConfig = {
  readonly stylesPaths: readonly string[];
  readonly basedOn: readonly string[];
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly minAlertLevel: Severity;
  readonly accepted: readonly string[];
  /** TokenIgnores and BlockIgnores patterns: text they match is never linted. */
  readonly ignorePatterns: readonly string[];
  /** The built-in `Vale` style (Repetition, Spelling, Terms from `accept.txt`, Avoid from `reject.txt`), when used. */
  readonly extraRules: readonly RuleSource[];
};

/** Splits a comma-separated value; `\\,` keeps a comma inside an item (as go-ini does). */
function list(value: string): string[] {
  return value
    .split(/(?<!\\),/)
    .map((s) => s.replace(/\\,/g, ',').trim())
    .filter(Boolean);
}

function toSetting(value: string, where: string): RuleSetting {
  if (value === 'YES' || value === 'NO') return value;
  if ((LEVELS as readonly string[]).includes(value)) return value as Severity;
  throw new ValeIniError(`${where}: expected YES, NO or a level, got \`${value}\``);
}

/** Parses the text of a `.vale.ini` located at `file`. */
export function parseValeIni(text: string, file: string): ValeIni {
  const global: Section = { glob: '*', basedOn: undefined, rules: {}, ignores: [] };
  const sections: Section[] = [];
  let current = global;
  let stylesPath = '.';
  let minAlertLevel: Severity = 'suggestion';
  let vocab: string[] = [];
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    const where = `${file}:${index + 1}`;
    if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      current = { glob: (header[1] as string).trim(), basedOn: undefined, rules: {}, ignores: [] };
      sections.push(current);
      return;
    }
    const eq = line.indexOf('=');
    if (eq < 0) throw new ValeIniError(`${where}: expected \`key = value\`, got \`${line}\``);
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).replace(/\s[#;].*$/, '').trim();
    if (current === global && key === 'StylesPath') stylesPath = value;
    else if (current === global && key === 'MinAlertLevel') {
      if (!(LEVELS as readonly string[]).includes(value)) throw new ValeIniError(`${where}: MinAlertLevel must be suggestion, warning or error, got \`${value}\``);
      minAlertLevel = value as Severity;
    } else if (current === global && key === 'Vocab') vocab = list(value);
    else if (key === 'BasedOnStyles') current.basedOn = list(value);
    else if (key === 'TokenIgnores' || key === 'BlockIgnores') current.ignores.push(...list(value));
    else if (/^[\w-]+\.[\w.-]+$/.test(key)) current.rules[key] = toSetting(value, where);
    // Other keys (Packages, IgnoredScopes, TokenIgnores, …) do not change which rules run.
  });
  return { file, stylesPath: path.resolve(path.dirname(file), stylesPath), minAlertLevel, vocab, global, sections };
}

/** Reads and parses a `.vale.ini` file. */
export function readValeIni(file: string): ValeIni {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ValeIniError(`Cannot read Vale configuration \`${file}\``, { cause });
  }
  return parseValeIni(text, path.resolve(file));
}

function readWords(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter((s) => s !== '' && !s.startsWith('#'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The settings that apply to one file: the global section, then every section whose glob matches. */
export function resolveValeIni(ini: ValeIni, filePath: string): ResolvedValeConfig {
  const basename = path.basename(filePath);
  // Section globs match the file's path relative to the ini's folder, or its name alone.
  const relative = path.isAbsolute(filePath) ? path.relative(path.dirname(ini.file), filePath) : filePath;
  const posix = relative.split(path.sep).join('/');
  let basedOn = ini.global.basedOn ?? [];
  const rules: Record<string, RuleSetting> = { ...ini.global.rules };
  const ignorePatterns = [...ini.global.ignores];
  for (const section of ini.sections) {
    const matches = picomatch(section.glob, { dot: true });
    if (!matches(basename) && !matches(posix)) continue;
    if (section.basedOn) basedOn = [...new Set([...basedOn, ...section.basedOn])];
    Object.assign(rules, section.rules);
    ignorePatterns.push(...section.ignores);
  }
  const accepted: string[] = [];
  const rejected: string[] = [];
  for (const name of ini.vocab) {
    for (const dir of [path.join(ini.stylesPath, 'config', 'vocabularies', name), path.join(ini.stylesPath, 'Vocab', name)]) {
      for (const word of readWords(path.join(dir, 'accept.txt'))) accepted.push(word);
      for (const word of readWords(path.join(dir, 'reject.txt'))) rejected.push(word);
    }
  }
  const usesVale = basedOn.includes('Vale') || Object.keys(rules).some((name) => name.startsWith('Vale.'));
  const extraRules = usesVale ? valeBuiltinRules(accepted, rejected) : [];
  return { stylesPaths: [ini.stylesPath], basedOn, rules, minAlertLevel: ini.minAlertLevel, accepted, extraRules, ignorePatterns };
}
