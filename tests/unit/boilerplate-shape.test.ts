import { describe, expect, it } from 'vitest';
import { findBoilerplate } from '../../src/lib/ingest/boilerplate.ts';

const block = (text: string, line: number) => ({ text, lines: [line, line] as [number, number] });

describe('boilerplate in Chinese and Japanese text', () => {
  it('does not take lines of unspaced prose for a stack of button labels', () => {
    const lines = ['清晨的港口在暴風雨過後重新開放船隻排隊等候進港', '工人們沿著碼頭修復受損的起重機軌道直到深夜', '漁民們在一週後終於把漁船從上游開回來了'];
    expect(findBoilerplate(lines.map(block))).toEqual([]);
  });
  it('still finds a stack of short labels in those scripts', () => {
    const labels = ['首頁', '新聞', '天氣', '登入'];
    expect(findBoilerplate(labels.map(block)).map((h) => h.rule)).toEqual(['button-labels', 'button-labels', 'button-labels', 'button-labels']);
  });
});

describe('short lines the markup types', () => {
  it('never takes subheadings or table rows for a stack of button labels', () => {
    const blocks = [
      { text: 'Tide times', lines: [1, 1] as [number, number], hint: 'heading' as const },
      { text: 'Ferry fares', lines: [2, 2] as [number, number], hint: 'heading' as const },
      { text: 'Monday | 06:10', lines: [3, 3] as [number, number], hint: 'row' as const },
      { text: 'Tuesday | 06:55', lines: [4, 4] as [number, number], hint: 'row' as const },
    ];
    expect(findBoilerplate(blocks)).toEqual([]);
    expect(findBoilerplate(blocks.map(({ text, lines }) => ({ text, lines }))).map((h) => h.rule)).toEqual(['button-labels', 'button-labels', 'button-labels', 'button-labels']);
  });
});
