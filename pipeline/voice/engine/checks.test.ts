/** Every rule type and option, each with a small input and the exact alerts Vale would print. */
import { describe, expect, it } from 'vitest';
import { lintSource } from './lint.ts';
import { compileRule } from './rules.ts';
import { compileRuleSources } from './rule-set.ts';

function lintWith(rule: string, markdown: string, name = 'Test.Rule'): string[] {
  const result = compileRule({ name, file: `${name}.yml`, text: rule });
  if (!result.check) throw new Error(result.warning);
  return lintSource(markdown, [result.check], { file: 't.md' }).map((a) => `${a.line}:${a.column}:${a.severity}:${a.message}`);
}

describe('existence', () => {
  it('joins tokens into one word-bounded pattern and fills %s with the match', () => {
    const rule = 'extends: existence\nmessage: "Avoid \'%s\'."\ntokens:\n  - simply\n  - just\n';
    expect(lintWith(rule, 'Just do it. We simply ship; justice waits.\n')).toEqual(['1:16:warning:Avoid \'simply\'.']);
  });
  it('ignorecase, level and raw (prepended) with nonword', () => {
    const rule = 'extends: existence\nmessage: "\'%s\' is passive."\nlevel: error\nignorecase: true\nraw:\n  - \'\\b(?:is|was)\\s+\'\ntokens:\n  - \'\\w+ed\'\n';
    expect(lintWith(rule, 'It WAS Washed. It washed.\n')).toEqual(['1:4:error:\'WAS Washed\' is passive.']);
  });
  it('append puts raw after the tokens', () => {
    const rule = 'extends: existence\nmessage: "\'%s\'"\nappend: true\nraw:\n  - \'\\s+percent\'\ntokens:\n  - \'\\d+\'\n';
    expect(lintWith(rule, 'About 30 percent of 12 shirts.\n')).toEqual(["1:7:warning:'30 percent'"]);
  });
  it('nonword drops the word boundaries', () => {
    const rule = 'extends: existence\nmessage: "x"\nnonword: true\ntokens:\n  - \'!!\'\n';
    expect(lintWith(rule, 'Wow!! Yes.\n')).toEqual(['1:4:warning:x']);
  });
  it('exceptions are case-sensitive words matched inside the observed text', () => {
    const rule = 'extends: existence\nmessage: "\'%s\'"\ntokens:\n  - \'[A-Z]{3}\'\nexceptions:\n  - GSM\n';
    expect(lintWith(rule, 'The GSM and the DWR and the gsm.\n')).toEqual(["1:17:warning:'DWR'"]);
  });
  it('action fills a second %s with the fix', () => {
    const rule = 'extends: existence\nmessage: "Use \'%[2]s\' for \'%[1]s\'."\nnonword: true\naction:\n  name: edit\n  params:\n    - regex\n    - \'-\'\n    - \' \'\ntokens:\n  - \'\\w+ly-\\w+\'\n';
    expect(lintWith(rule, 'A newly-made shirt.\n')).toEqual(["1:3:warning:Use 'newly made' for 'newly-made'."]);
  });
  it('skips code, inline code, URLs and front matter', () => {
    const rule = 'extends: existence\nmessage: "\'%s\'"\ntokens:\n  - linen\n';
    const md = '---\ntitle: linen\n---\nSee `linen` and <https://x.example/linen>.\n\n```\nlinen\n```\n\n[linen](https://x.example/linen) is fine.\n';
    expect(lintWith(rule, md)).toEqual(["10:2:warning:'linen'"]);
  });
  it('lints the text of raw HTML blocks, not tags, comments or scripts', () => {
    const rule = 'extends: existence\nmessage: "\'%s\'"\ntokens:\n  - linen\n';
    const md = '<div class="linen">\n  <p>Our linen shirt.</p>\n  <!-- linen -->\n  <script>linen()</script>\n</div>\n';
    expect(lintWith(rule, md)).toEqual(["2:10:warning:'linen'"]);
  });
  it('limit caps the alerts per file', () => {
    const rule = 'extends: existence\nmessage: "x"\nlimit: 1\ntokens:\n  - very\n';
    expect(lintWith(rule, 'very very good, very.\n')).toEqual(['1:1:warning:x']);
  });
});

describe('scopes', () => {
  const rule = (scope: string) => `extends: existence\nmessage: "'%s'"\nscope: ${scope}\ntokens:\n  - Linen\n`;
  const md = '# Linen\n\nLinen here.\n\n- Linen item\n\n> Linen quote\n\n| Linen |\n| --- |\n| Linen cell |\n\n![Linen shirt](a.jpg)\n';
  it('heading, list, blockquote, table cells, alt', () => {
    expect(lintWith(rule('heading'), md)).toEqual(["1:3:warning:'Linen'"]);
    expect(lintWith(rule('list'), md)).toEqual(["5:3:warning:'Linen'"]);
    expect(lintWith(rule('blockquote'), md)).toEqual(["7:3:warning:'Linen'"]);
    expect(lintWith(rule('table.header'), md)).toEqual(["9:3:warning:'Linen'"]);
    expect(lintWith(rule('table.cell'), md)).toEqual(["11:3:warning:'Linen'"]);
    expect(lintWith(rule('alt'), md)).toEqual(["13:3:warning:'Linen'"]);
  });
  it('negation: text but not headings', () => {
    expect(lintWith(rule('"~heading"'), md).length).toBe(6);
  });
  it('a front-matter field by name', () => {
    const fm = '---\nseo_title: Linen shirts\ntitle: "Our Linen"\n---\nLinen.\n';
    expect(lintWith(rule('frontmatter.seo_title'), fm)).toEqual(["2:12:warning:'Linen'"]);
    expect(lintWith(rule('title'), fm)).toEqual(["3:13:warning:'Linen'"]);
  });
  it('sentence and paragraph scopes see prose paragraphs only', () => {
    const occ = 'extends: occurrence\nmessage: "%s words"\nscope: sentence\nmax: 3\ntoken: \'\\b\\w+\\b\'\n';
    expect(lintWith(occ, 'One two three. One two three four.\n\n- one two three four five\n')).toEqual(['1:16:warning:4 words']);
  });
});

describe('substitution', () => {
  it('longest key first, one alert per match, %s = replacement then match', () => {
    const rule = 'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nignorecase: true\nswap:\n  are not: aren\'t\n  they are: they\'re\n';
    expect(lintWith(rule, 'They are not here.\n')).toEqual(["1:1:warning:Use 'they're' instead of 'They are'."]);
  });
  it('replace action: quotes via ToSentence, alternatives with |, case matched', () => {
    const rule = 'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nlevel: error\nignorecase: true\naction:\n  name: replace\nswap:\n  utilize: use|employ\n  are not: aren\'t\n';
    expect(lintWith(rule, 'Are not we? We utilize it.\n')).toEqual([
      "1:1:error:Use 'Aren't' instead of 'Are not'.",
      "1:16:error:Use 'use' or 'employ' instead of 'utilize'.",
    ]);
  });
  it('capitalize: false keeps the replacement as written', () => {
    const rule = 'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nignorecase: true\ncapitalize: false\naction:\n  name: replace\nswap:\n  are not: aren\'t\n';
    expect(lintWith(rule, 'Are not we?\n')).toEqual(["1:1:warning:Use 'aren't' instead of 'Are not'."]);
  });
  it('a match equal to its replacement is not reported; $1 references fill in', () => {
    const rule = 'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nswap:\n  Seaside Linen Shirt: Seaside Linen Shirt\n  \'(\\d+) ounces\': $1 oz\n';
    expect(lintWith(rule, 'The Seaside Linen Shirt, 12 ounces.\n')).toEqual(["1:26:warning:Use '12 oz' instead of '12 ounces'."]);
  });
  it('exceptions and vocab', () => {
    const rule = 'extends: substitution\nmessage: "Use \'%s\' instead of \'%s\'."\nignorecase: true\nexceptions:\n  - tee\nswap:\n  tee: T-shirt\n';
    expect(lintWith(rule, 'A tee. Tee Time.\n')).toEqual(["1:8:warning:Use 'T-shirt' instead of 'Tee'."]);
  });
});

describe('occurrence and repetition', () => {
  it('min with no match reports at 1:1', () => {
    const rule = 'extends: occurrence\nmessage: "Only %s links."\nscope: text\nmin: 1\ntoken: \'https?://\'\n';
    expect(lintWith(rule, 'No links here.\n')).toEqual(['1:1:warning:Only 0 links.']);
  });
  it('repetition reports the repeated pair; alpha skips numbers', () => {
    const rule = 'extends: repetition\nmessage: "\'%s\' is repeated!"\nalpha: true\ntokens:\n  - \'[^\\s]+\'\n';
    expect(lintWith(rule, 'We cut the the cloth 12 12 times.\n')).toEqual(["1:8:warning:'the' is repeated!"]);
  });
  it('repetition with ignorecase and max', () => {
    const rule = 'extends: repetition\nmessage: "\'%s\' again"\nignorecase: true\nmax: 1\ntokens:\n  - \'[^\\s]+\'\n';
    expect(lintWith(rule, 'no No. very Very very now.\n')).toEqual(["1:13:warning:'very' again"]);
  });
});

describe('consistency and conditional', () => {
  it('consistency alerts once both spellings were seen in the file', () => {
    const rule = 'extends: consistency\nmessage: "Inconsistent spelling of \'%s\'."\nignorecase: true\neither:\n  gray: grey\n';
    expect(lintWith(rule, 'A gray shirt.\n\nA Grey shirt.\n')).toEqual(["3:3:warning:Inconsistent spelling of 'Grey'."]);
  });
  it('conditional: a defined acronym passes, an undefined one does not', () => {
    const rule = 'extends: conditional\nmessage: "\'%s\' has no definition."\nfirst: \'\\b([A-Z]{3})\\b\'\nsecond: \'(?:\\b[A-Z][a-z]+ )+\\(([A-Z]{3})\\)\'\nexceptions:\n  - USA\n';
    expect(lintWith(rule, 'Grams Square Metre (GSM) here. GSM again, DWR too, USA fine.\n')).toEqual(["1:43:warning:'DWR' has no definition."]);
  });
});

describe('capitalization', () => {
  const rule = (match: string, extra = '') => `extends: capitalization\nmessage: "'%s' should be '%s'."\nscope: heading\nmatch: ${match}\n${extra}`;
  it('$sentence with exceptions and indicators', () => {
    const md = '# Care for Your Linen Shirt\n\n## Care for the Seaside Linen Shirt\n\n## Fit: The short version\n';
    expect(lintWith(rule('$sentence', 'exceptions:\n  - Seaside Linen Shirt\nindicators:\n  - ":"\n'), md)).toEqual([
      "1:3:warning:'Care for Your Linen Shirt' should be 'Care for your linen shirt'.",
    ]);
  });
  it('$title (AP style)', () => {
    expect(lintWith(rule('$title'), '# How to wash linen\n\n# How to Wash Linen\n')).toEqual([
      "1:3:warning:'How to wash linen' should be 'How to Wash Linen'.",
    ]);
  });
  it('$lower, $upper and a pattern', () => {
    expect(lintWith(rule('$lower'), '# quiet\n\n# Loud\n')).toEqual(["3:3:warning:'Loud' should be 'loud'."]);
    expect(lintWith(rule('$upper'), '# FAQ\n\n# Faq\n')).toEqual(["3:3:warning:'Faq' should be 'FAQ'."]);
    expect(lintWith(rule("'^[A-Z]'"), '# Good\n\n# bad\n')).toEqual(["3:3:warning:'bad' should be '^[A-Z]'."]);
  });
});

describe('readability and metric', () => {
  const hard = 'Notwithstanding considerable organisational complexity, manufacturers systematically underestimate environmental externalities associated with conventional agricultural intensification.\n';
  it('readability averages the listed grade formulas and reports %s at 1:1', () => {
    const rule = 'extends: readability\nmessage: "Grade %s is too high."\nmetrics:\n  - Flesch-Kincaid\n  - Gunning Fog\n  - SMOG\n  - Coleman-Liau\n  - Automated Readability\ngrade: 8\n';
    const [alert] = lintWith(rule, hard);
    expect(alert).toMatch(/^1:1:warning:Grade \d+\.\d\d is too high\.$/);
    expect(lintWith(rule, 'We cut it. You wear it. It lasts.\n')).toEqual([]);
  });
  it('Flesch reading ease alone uses grade as a floor', () => {
    const rule = 'extends: readability\nmessage: "Ease %s."\nmetrics:\n  - Flesch Reading Ease\ngrade: 60\n';
    expect(lintWith(rule, hard)).toHaveLength(1);
    expect(lintWith(rule, 'We cut it. You wear it. It lasts.\n')).toEqual([]);
  });
  it('metric evaluates a formula over document counts', () => {
    const rule = 'extends: metric\nmessage: "%s words per sentence."\nformula: words / sentences\ncondition: "> 4"\n';
    expect(lintWith(rule, 'We cut the cloth by hand today. Yes.\n')).toEqual([]);
    expect(lintWith(rule, 'We cut the cloth by hand in the workshop today.\n')).toEqual(['1:1:warning:10.00 words per sentence.']);
    const headings = 'extends: metric\nmessage: "%s headings."\nformula: heading.h2 + heading_h3\ncondition: ">= 2"\n';
    expect(lintWith(headings, '## A\n\n### B\n\nText here.\n')).toEqual(['1:1:warning:2.00 headings.']);
  });
});

describe('unsupported and broken rules', () => {
  it('spelling, sequence and script give one warning naming the rule', () => {
    const sources = ['spelling', 'sequence', 'script'].map((type) => ({ name: `X.${type}`, file: `${type}.yml`, text: `extends: ${type}\nmessage: x\n` }));
    const result = compileRuleSources(sources, { stylesPaths: [], basedOn: ['X'] });
    expect(result.checks).toEqual([]);
    expect(result.warnings).toEqual([
      'X.spelling: rule type `spelling` is not supported; rule skipped',
      'X.sequence: rule type `sequence` is not supported; rule skipped',
      'X.script: rule type `script` is not supported; rule skipped',
    ]);
  });
  it('an unknown scope is a warning naming the rule and the scope', () => {
    expect(compileRule({ name: 'X.Scope', file: 'S.yml', text: 'extends: existence\nmessage: x\nscope: code\ntokens:\n  - a\n' }).warning).toBe('X.Scope: scope `code` is not a valid scope; rule skipped');
  });
  it('an invalid pattern or file is a warning, not a crash', () => {
    expect(compileRule({ name: 'X.Bad', file: 'Bad.yml', text: 'extends: existence\nmessage: x\ntokens:\n  - "(unclosed"\n' }).warning).toMatch(/^X\.Bad: /);
    expect(compileRule({ name: 'X.Yaml', file: 'Yaml.yml', text: 'extends: [' }).warning).toMatch(/^X\.Yaml: rule file/);
  });
});

describe('vocab, Chicago style and sized scopes', () => {
  it('accepted vocabulary excepts matches unless a rule sets vocab: false', () => {
    const text = (vocab: boolean) => `extends: existence\nmessage: "'%s'"\nvocab: ${vocab}\ntokens:\n  - '[A-Z]{3}'\n`;
    const run = (vocab: boolean) => {
      const result = compileRule({ name: 'T.R', file: 'R.yml', text: text(vocab) }, { accepted: ['GSM'] });
      return lintSource('The GSM and DWR.\n', [result.check!], { file: 't.md' }).map((a) => a.match);
    };
    expect(run(true)).toEqual(['DWR']);
    expect(run(false)).toEqual(['GSM', 'DWR']);
  });
  it('$title with style: Chicago lowers longer prepositions too', () => {
    const rule = 'extends: capitalization\nmessage: "\'%s\' should be \'%s\'."\nscope: heading\nmatch: $title\nstyle: Chicago\n';
    expect(lintWith(rule, '# Shirts Without Buttons\n\n# Shirts without Buttons\n')).toEqual(["1:3:warning:'Shirts Without Buttons' should be 'Shirts without Buttons'."]);
  });
  it('summary sees the prose of the body, raw sees every byte, paragraph each paragraph', () => {
    const occ = (scope: string) => `extends: occurrence\nmessage: "%s"\nscope: ${scope}\nmax: 1\ntoken: linen\n`;
    const md = '# linen\n\nlinen\n\n- linen\n\n```\nlinen\n```\n';
    expect(lintWith(occ('summary'), md)).toEqual(['3:1:warning:2']);
    expect(lintWith(occ('raw'), md)).toEqual(['1:3:warning:4']);
    expect(lintWith(occ('paragraph'), 'linen linen\n\nlinen\n')).toEqual(['1:1:warning:2']);
  });
});

describe('comment controls', () => {
  it('vale off/on and vale Style.Rule = NO/YES switch rules for the text that follows', () => {
    const rule = 'extends: existence\nmessage: "\'%s\'"\ntokens:\n  - very\n';
    const md = 'very\n\n<!-- vale off -->\n\nvery\n\n<!-- vale on -->\n\nvery\n\n<!-- vale Test.Rule = NO -->\n\nvery\n\n<!-- vale Other.Rule = NO -->\n<!-- vale Test.Rule = YES -->\n\nvery\n';
    expect(lintWith(rule, md)).toEqual(["1:1:warning:'very'", "9:1:warning:'very'", "18:1:warning:'very'"]);
  });
});

describe('metric formulas as the Readability package writes them', () => {
  it('math.sqrt and friends evaluate', () => {
    const rule = 'extends: metric\nmessage: "SMOG %s"\nformula: |\n  1.0430 * math.sqrt((polysyllabic_words * 30.0) / sentences) + 3.1291\ncondition: "> 5"\n';
    const [alert] = lintWith(rule, 'Organisational complexity systematically underestimates environmental externalities.\n');
    expect(alert).toMatch(/^1:1:warning:SMOG \d+\.\d\d$/);
  });
});

describe('sentence-length spread (copydesk metric variables)', () => {
  it('flags monotone sentence lengths, not varied ones', () => {
    const rule = 'extends: metric\nmessage: "spread %s"\nformula: "sentences >= 6 ? sentence_length_stdev : 99"\ncondition: "< 2.5"\n';
    const monotone = 'We cut the cloth here. We sew the seams there. We wash the shirt first. We fold the shirt last. We pack the box well. We ship the box fast.\n';
    const varied = 'We cut it. Then we sew every seam by hand in the back room of the shop. We wash it. It ships the next morning in a box we fold ourselves. Done. You wear it.\n';
    expect(lintWith(rule, monotone)).toEqual(['1:1:warning:spread 0.00']);
    expect(lintWith(rule, varied)).toEqual([]);
  });
});

describe('large input', () => {
  it('a 200,000-character paragraph lints without overflowing', () => {
    const rule = 'extends: existence\nmessage: "\'%s\'"\ntokens:\n  - zebra\n';
    const md = `${'linen '.repeat(33_000)}zebra.\n`;
    expect(lintWith(rule, md)).toEqual(["1:198001:warning:'zebra'"]);
  });
});
