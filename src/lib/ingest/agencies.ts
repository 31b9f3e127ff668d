/**
 * News agencies the text credits: as the source of the story (a dateline
 * "SEOUL (Reuters) —", "By Reuters", "Reuters could not verify…"), as the
 * source of images (a credit line "KCNA", "Photo: AFP"), or as cited
 * ("according to Yonhap"). The names are the world's wire services, general
 * knowledge rather than anything a particular seed says.
 */
import type { Agency } from '../schema.ts';
import type { Block } from './segment.ts';

/** Canonical name, then the forms texts use. Short forms count only in credit shapes. */
const AGENCIES: { name: string; long: string[]; short: string[] }[] = [
  { name: 'Associated Press', long: ['Associated Press', 'The Associated Press'], short: ['AP'] },
  { name: 'Reuters', long: ['Reuters', 'Thomson Reuters'], short: [] },
  { name: 'AFP', long: ['Agence France-Presse', 'Agence France Presse', 'AFP'], short: [] },
  { name: 'Bloomberg', long: ['Bloomberg News', 'Bloomberg'], short: [] },
  { name: 'Yonhap', long: ['Yonhap News Agency', 'Yonhap'], short: [] },
  { name: 'KCNA', long: ['Korean Central News Agency', 'KCNA'], short: [] },
  { name: 'Xinhua', long: ['Xinhua News Agency', 'Xinhua'], short: [] },
  { name: 'TASS', long: ['TASS'], short: [] },
  { name: 'RIA Novosti', long: ['RIA Novosti'], short: [] },
  { name: 'Interfax', long: ['Interfax'], short: [] },
  { name: 'Ukrinform', long: ['Ukrinform'], short: [] },
  { name: 'Kyodo', long: ['Kyodo News', 'Kyodo'], short: [] },
  { name: 'dpa', long: ['Deutsche Presse-Agentur', 'dpa'], short: [] },
  { name: 'ANSA', long: ['ANSA'], short: [] },
  { name: 'EFE', long: ['EFE'], short: [] },
  { name: 'Press Trust of India', long: ['Press Trust of India'], short: ['PTI'] },
  { name: 'UPI', long: ['United Press International', 'UPI'], short: [] },
  { name: 'Anadolu', long: ['Anadolu Agency', 'Anadolu'], short: [] },
  { name: 'PA Media', long: ['PA Media', 'Press Association'], short: ['PA'] },
  { name: 'Canadian Press', long: ['The Canadian Press', 'Canadian Press'], short: ['CP'] },
  { name: 'Australian Associated Press', long: ['Australian Associated Press'], short: ['AAP'] },
  { name: 'Jiji Press', long: ['Jiji Press', 'Jiji'], short: [] },
  { name: 'KRT', long: ['Korean Central Television', 'KCTV'], short: [] },
];

/** Escapes a name for use outside a character class in a `u` regular expression. */
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LONG = AGENCIES.flatMap((a) => a.long.map((form) => ({ form, name: a.name }))).sort((a, b) => b.form.length - a.form.length);
const ALL = [...LONG, ...AGENCIES.flatMap((a) => a.short.map((form) => ({ form, name: a.name })))];
const nameOf = (form: string): string => ALL.find((f) => f.form.toLowerCase() === form.toLowerCase())!.name;
const LONG_ALT = LONG.map((f) => escape(f.form)).join('|');
const ALL_ALT = ALL.map((f) => escape(f.form)).join('|');

export type CreditShape = 'dateline' | 'credit' | 'source-sentence' | 'cited';

const SHAPES: Record<CreditShape, RegExp> = {
  // "SEOUL, South Korea (AP) —", "KYIV (Reuters) -"
  dateline: new RegExp(String.raw`^[\p{Lu}][\p{Lu}\p{L} ,.'’-]{1,60}\((${ALL_ALT})\)\s*[—–-]`, 'u'),
  // A line that only credits: "KCNA", "Photo: AFP", "(AP Photo/Jae C. Hong)", "KCNA via REUTERS"
  credit: new RegExp(String.raw`^\(?(?:(?:photo|photograph|image|video|picture|credit)s?\s*(?:by|:)?\s*)?(${ALL_ALT})(?:\s*photo)?(?:\s*(?:via|/)\s*[\p{L} .]+)?\)?$`, 'iu'),
  // Only the story's own writer says it could not verify something, or writes "By Reuters".
  'source-sentence': new RegExp(String.raw`(?:^by\s+(${LONG_ALT})\b|\b(${LONG_ALT})\s+(?:could not|was unable to|cannot|has not been able to)\s+(?:immediately\s+|independently\s+)*(?:verify|confirm))`, 'iu'),
  cited: new RegExp(String.raw`\b(?:[Aa]ccording to|told|[Rr]eported by|[Cc]ited by|[Qq]uoted by|said in an interview with)\s+(?:the\s+)?(?:\w+\s+)?(${LONG_ALT})\b|\b(${LONG_ALT})\s+(?:\([A-Z]+\)\s+)?(?:reported|said|quoted|cited|described|released)\b`, 'u'),
};

/** The agency a text credits in the given shape, with the words that do it. */
export function agencyIn(text: string, shape: CreditShape): { name: string; quote: string } | undefined {
  const m = SHAPES[shape].exec(text);
  const form = m?.slice(1).find((g) => g !== undefined);
  return m && form ? { name: nameOf(form), quote: m[0].trim() } : undefined;
}

const ROLE: Record<CreditShape, Agency['role']> = { dateline: 'source', 'source-sentence': 'source', credit: 'images', cited: 'cited' };

/**
 * Every agency credited in the blocks, once per name and role, first
 * evidence kept. `credits` are the blocks the structure stage typed as
 * credits or captions, where a bare agency name credits the pictures.
 */
export function findAgencies(body: readonly Block[], credits: readonly Block[]): Agency[] {
  const out: Agency[] = [];
  const add = (b: Block, shape: CreditShape): void => {
    const hit = agencyIn(b.text, shape);
    if (!hit || out.some((a) => a.name === hit.name && a.role === ROLE[shape])) return;
    out.push({ name: hit.name, role: ROLE[shape], evidence: { rule: `agency-${shape}`, quote: hit.quote, line: b.lines[0] } });
  };
  for (const b of credits) add(b, 'credit');
  for (const b of body) for (const shape of ['dateline', 'source-sentence', 'cited'] as const) add(b, shape);
  return out;
}
