/**
 * Lines to blocks. Scrapes put one block (headline, paragraph, caption,
 * button label) on a line, with or without blank lines between them, so each
 * non-empty line is a block. The exception is hard-wrapped text (a paragraph
 * broken every ~72 characters, as in e-mail or wire dumps), whose lines are
 * joined back into their paragraph. Stray HTML is undone first (see
 * `unmarkLine`).
 */
import { normalizeLine, splitLines, unmarkLine } from './normalize.ts';

export interface Block {
  /** Normalised text of the block. */
  text: string;
  /** 1-based first and last seed line. */
  lines: [number, number];
  /**
   * What the source's own markup says the block is (HTML and Markdown seeds):
   * a subheading, a caption, a table row, or running text (a paragraph or list
   * item outside any figure, never a caption); text seeds have none.
   */
  hint?: 'heading' | 'caption' | 'row' | 'text';
}

const MAX_WRAP_WIDTH = 100;

export function segment(text: string): Block[] {
  const lines = splitLines(text).map((line) => normalizeLine(unmarkLine(line)));
  const blocks: Block[] = [];
  let group: { text: string; line: number }[] = [];
  const flush = (): void => {
    if (group.length === 0) return;
    if (isHardWrapped(group.map((g) => g.text))) {
      blocks.push({ text: group.map((g) => g.text).join(' '), lines: [group[0]!.line, group.at(-1)!.line] });
    } else {
      for (const g of group) blocks.push({ text: g.text, lines: [g.line, g.line] });
    }
    group = [];
  };
  lines.forEach((line, i) => {
    if (/[\p{L}\p{N}]/u.test(line)) group.push({ text: line, line: i + 1 });
    else if (line === '') flush();
    else {
      // A line of only punctuation or symbols (a rule like "***") ends a group too.
      flush();
    }
  });
  flush();
  return blocks;
}

/**
 * A group of lines is one hard-wrapped paragraph when every line but the last
 * fills most of a fixed width no wider than a terminal, breaks only because
 * the next word would not have fitted in that width, and the lines mostly
 * break mid-sentence rather than at sentence ends. Stacked headlines and
 * labels fail the fit test: the next line's first word would have fitted.
 */
export function isHardWrapped(group: readonly string[]): boolean {
  if (group.length < 2) return false;
  const body = group.slice(0, -1);
  const widest = Math.max(...group.map((l) => l.length));
  if (widest > MAX_WRAP_WIDTH || widest < 40) return false;
  const full = body.every((l, i) => l.length >= widest * 0.6 && l.length + 1 + firstWord(group[i + 1]!).length > widest);
  const midSentence = body.filter((l) => !/[.!?:"”’)]$/.test(l)).length >= body.length / 2;
  return full && midSentence;
}

function firstWord(line: string): string {
  return line.split(' ', 1)[0] ?? '';
}
