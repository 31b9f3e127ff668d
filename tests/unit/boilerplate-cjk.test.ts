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
