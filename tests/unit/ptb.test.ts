import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detokenizePtbLine, isPtbTokenized, normalizePtb, normalizePtbBlocks, ptbEvidence } from '../../src/lib/ingest/ptb.ts';
import { ingestSeed } from '../../src/lib/ingest/pipeline.ts';

// Every sentence here is invented, written in PTB form by hand.
const WIRE =
  "OSLO , May 2 -LRB- Nordwire -RRB- - The harbour authority said it would n't reopen the north quay until `` every crane has been checked '' , a spokeswoman said . The port 's owners expect a decision next week .";
const CLITICS_ONLY = "The mayor 's office said the bridge will close on Monday . Drivers are asked to use the ring road , officials said .";

describe('isPtbTokenized', () => {
  it('detects a wire story in PTB form', () => {
    expect(isPtbTokenized(WIRE)).toBe(true);
  });
  it('detects PTB text whose only marks are split clitics and spaced punctuation', () => {
    expect(isPtbTokenized(CLITICS_ONLY)).toBe(true);
  });
  it('detects PTB text with no tokeniser mark when nearly every comma and full stop stands apart', () => {
    expect(isPtbTokenized('Rain fell all day , forecasters said . Rivers rose , and two roads closed . More is due .')).toBe(true);
  });

  const normal: [string, string][] = [
    ['apostrophes and quotes', 'The council\'s plan, which residents didn\'t like, was dropped on Friday. "We\'re done with it," the mayor said. It\'s the third plan they\'ve dropped.'],
    ['curly quotes', 'The council’s plan, which residents didn’t like, was dropped. “We’re done,” the mayor said. ‘Enough’, one wrote.'],
    ['code that uses `` once', 'To show a backtick in Markdown, wrap it as `` ` `` in the text. The change shipped in May, and users liked it. The docs were updated too.'],
    ['-- dashes', 'The vote -- the third this year -- failed again. Officials said it would return in June, after the summer recess. Nobody objected.'],
    ['a stray space before a possessive', "Kim Jong Un 's soldiers were honoured, state media said. The ceremony was held in Pyongyang on Friday. Thousands attended."],
    [
      'an article about the PTB format itself',
      'Parsers write brackets as -LRB- and -RRB-, quotes as `` and \'\', and split "don\'t" into "do n\'t". That convention, researchers said, dates from the 1990s. It is still common.',
    ],
    ['French spacing before ? and !', 'Le maire a-t-il menti ? Non ! Il a dit : « nous verrons ». La réunion a eu lieu mardi, à Lyon.'],
    ['a spaced ellipsis', 'He paused ... then said yes. The deal, worth $5m, was signed. It runs until 2030.'],
    ['one typo among many commas', 'The plan , which was late, cost more. It was approved, then delayed, then approved again. The mayor, a former teacher, said so.'],
  ];
  for (const [name, text] of normal) {
    it(`never detects a normal article: ${name}`, () => {
      expect(isPtbTokenized(text)).toBe(false);
      expect(normalizePtb(text)).toMatchObject({ text, detected: false, lines: [] });
    });
  }

  it('detects none of the shipped seeds', () => {
    const dir = new URL('../../seeds/', import.meta.url);
    const seeds = readdirSync(dir).filter((f) => /\.(txt|md|html?)$/.test(f));
    expect(seeds.length).toBeGreaterThan(0);
    for (const f of seeds) expect(ptbEvidence(readFileSync(new URL(f, dir), 'utf8')).score, f).toBe(0);
  });
});

describe('detokenizePtbLine', () => {
  const cases: [string, string, string][] = [
    ['brackets and spacing', 'BERGEN , June 3 -LRB- Nordwire -RRB- - Ferries resumed .', 'BERGEN, June 3 (Nordwire) - Ferries resumed.'],
    ['square and curly brackets', 'the report -LSB- sic -RSB- and the set -LCB- a , b -RCB- .', 'the report [sic] and the set {a, b}.'],
    ['double quotes, paired', "She said `` no '' , then `` maybe . ''", 'She said “no”, then “maybe.”'],
    ['single quotes, paired', "He called it ` a disgrace ' and left .", 'He called it ‘a disgrace’ and left.'],
    ['a quote inside a quote', "`` They told us ` wait ' , '' she said .", '“They told us ‘wait’,” she said.'],
    ['clitics', "I 'm sure they 're right ; we 've said he 'll come , and I 'd agree it 's fine .", 'I’m sure they’re right; we’ve said he’ll come, and I’d agree it’s fine.'],
    ['negations', "They do n't know , ca n't say and wo n't guess .", 'They don’t know, can’t say and won’t guess.'],
    ['a plural possessive', "The players ' union met .", 'The players’ union met.'],
    ['a leading apostrophe keeps its space', "`` Bring 'em home , '' they chanted .", '“Bring ’em home,” they chanted.'],
    ['split words rejoined', 'You can not park here , and I got ta go .', 'You cannot park here, and I gotta go.'],
    ['"can not only" is left as written', 'Ferries can not only carry cars but trains .', 'Ferries can not only carry cars but trains.'],
    ['currency', 'It cost $ 780,000 and US$ 5 more .', 'It cost $780,000 and US$5 more.'],
    ['the pound sign', 'a fine of # 501,000 , a grant of # 2m and # 40 cash', 'a fine of £501,000, a grant of £2m and £40 cash'],
    ['a number sign before a small bare number', 'Point # 3 was dropped .', 'Point #3 was dropped.'],
    ['escapes', 'On 3\\/9\\/11 the vote was 4\\/5 ; f\\*\\*\\* it .', 'On 3/9/11 the vote was 4/5; f*** it.'],
    ['per cent', 'Prices rose 18 % in May .', 'Prices rose 18% in May.'],
    ['the repeated full stop after an abbreviation', 'Aid came from the U.S. . Then more came .', 'Aid came from the U.S. Then more came.'],
    ['question and exclamation marks, ellipses', 'Why ? Nobody knows ! He waited ...', 'Why? Nobody knows! He waited...'],
    ['dashes are kept', 'The pier -- built in 1901 -- fell .', 'The pier -- built in 1901 -- fell.'],
    ['a closing quote after a colon opens one', "He told them : '' ` Enough , ' I said . ''", 'He told them: “‘Enough,’ I said.”'],
    ['an opening quote with nothing after it closes the open quote', "`` It is over `` .", '“It is over”.'],
    ['words with apostrophes inside', "O'Brien said rock 'n' roll was back .", 'O’Brien said rock ’n’ roll was back.'],
  ];
  for (const [name, ptb, clean] of cases) it(name, () => expect(detokenizePtbLine(ptb)).toBe(clean));

  it('keeps every word as it was', () => {
    const strip = (s: string): string => s.replace(/-[LR][RSC]B-/g, '').replace(/[^\p{L}\p{N}]+/gu, '');
    expect(strip(detokenizePtbLine(WIRE))).toBe(strip(WIRE));
  });
  it('keeps the white space around the line and a line of spaces', () => {
    expect(detokenizePtbLine('  Rain fell , again .  ')).toBe('  Rain fell, again.  ');
    expect(detokenizePtbLine('   ')).toBe('   ');
    expect(detokenizePtbLine('')).toBe('');
  });
  it('does not trip on tokens named like object properties', () => {
    expect(detokenizePtbLine('the constructor toString __proto__ hasOwnProperty .')).toBe('the constructor toString __proto__ hasOwnProperty.');
  });
});

describe('normalizePtb', () => {
  it('keeps the lines and their ends, and names the lines it changed', () => {
    const text = `Storm closes harbour\r\n\r\n${WIRE}\r\nNo change here\n${CLITICS_ONLY}\n`;
    const result = normalizePtb(text);
    expect(result.detected).toBe(true);
    expect(result.text.split(/\r\n|\r|\n/).length).toBe(text.split(/\r\n|\r|\n/).length);
    expect(result.text.match(/\r\n/g)?.length).toBe(3);
    expect(result.lines).toEqual([
      [3, 3],
      [5, 5],
    ]);
    expect(result.text.split(/\r\n|\n/)[2]).toBe(
      'OSLO, May 2 (Nordwire) - The harbour authority said it wouldn’t reopen the north quay until “every crane has been checked”, a spokeswoman said. The port’s owners expect a decision next week.',
    );
  });
  it('merges neighbouring changed lines into one run', () => {
    expect(normalizePtb(`${WIRE}\n${CLITICS_ONLY}\n${WIRE}`).lines).toEqual([[1, 3]]);
  });
});

describe('normalizePtbBlocks', () => {
  it('judges the blocks together and keeps each block’s lines', () => {
    const blocks = [
      { text: 'Ferries halted', lines: [4, 4] as [number, number] },
      { text: WIRE, lines: [9, 12] as [number, number] },
      { text: CLITICS_ONLY, lines: [13, 13] as [number, number] },
    ];
    const result = normalizePtbBlocks(blocks);
    expect(result.detected).toBe(true);
    expect(result.blocks.map((b) => b.lines)).toEqual([
      [4, 4],
      [9, 12],
      [13, 13],
    ]);
    expect(result.blocks[0]).toBe(blocks[0]);
    expect(result.lines).toEqual([[9, 13]]);
  });
  it('leaves normal blocks alone', () => {
    const blocks = [{ text: 'The council’s plan was dropped, the mayor said.', lines: [1, 1] as [number, number] }];
    expect(normalizePtbBlocks(blocks)).toEqual({ blocks, detected: false, lines: [] });
  });
});

describe('the pipeline', () => {
  const seed = (text: string, path = 'ptb.txt') => ingestSeed({ path, file: path, bytes: new TextEncoder().encode(text) });

  it('detokenises a PTB seed before the other stages and records it in the entry', () => {
    const text = `Harbour reopens after storm\n\n${WIRE}\n\nWork starts on Monday , the council 's engineer said .\n`;
    const { article, body } = seed(text);
    expect(article?.headline).toBe('Harbour reopens after storm');
    expect(article?.blocks).toEqual([
      [3, 3],
      [5, 5],
    ]);
    expect(body).not.toMatch(/-LRB-|``|''| 's\b| n't\b| [,.]/);
    expect(article?.source.detokenized).toMatchObject({
      rule: 'penn-treebank',
      lines: [
        [3, 3],
        [5, 5],
      ],
    });
    expect(article?.temporal.find((t) => t.text === 'Monday')).toMatchObject({ line: 5, sentence: 'Work starts on Monday, the council’s engineer said.' });
  });

  it('records nothing for a normal seed', () => {
    const { article } = seed('Harbour reopens after storm\n\nThe harbour reopened on Monday, officials said. "It\'s done," one said.\n');
    expect(article?.source.detokenized).toBeUndefined();
  });

  it('detokenises a Markdown seed’s blocks, keeping their lines', () => {
    const md = `---\ntitle: Harbour reopens\n---\n\n# Harbour reopens\n\n${WIRE}\n\n${CLITICS_ONLY}\n`;
    const { article, body } = seed(md, 'ptb.md');
    expect(body).toContain('OSLO, May 2 (Nordwire) - The harbour authority');
    expect(article?.source.detokenized?.lines).toEqual([
      [7, 7],
      [9, 9],
    ]);
  });
});
