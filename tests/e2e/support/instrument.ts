/**
 * The instrument as the browser tests see it: its structure (sections, items, types, options, rules)
 * from the shipped definition and its English wording from content/en.json and the locales, read
 * with node:fs. Page objects use it to find a question by its English label and to pick an option
 * by the words on screen, never by an item code or a CSS selector.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths';

export type AnswerType =
  | 'ynu' | 'choice' | 'multi' | 'number' | 'scale' | 'date' | 'text' | 'verbatim' | 'rows' | 'signature'
  // records made on the review screen or by the app, never in the wizard's form (instrument v2)
  | 'override' | 'signoff' | 'provenance';

/** Record items are not questions of the form: the app or the review screen writes them. */
export const RECORD_TYPES: readonly AnswerType[] = ['override', 'signoff', 'provenance'];

export interface ColumnDef {
  readonly key: string;
  /** `flags`: the rule ids of standing flags a row answers (a mitigation plan), as checkboxes */
  readonly type: 'text' | 'number' | 'date' | 'choice' | 'ynu' | 'flags';
  readonly options?: readonly { readonly code: string }[];
}

export interface ItemDef {
  readonly code: string;
  readonly type: AnswerType;
  readonly options?: readonly { readonly code: string }[];
  readonly columns?: readonly ColumnDef[];
  readonly min?: number;
  readonly max?: number;
  readonly allowUnknown?: boolean;
}

export interface SectionDef {
  readonly code: string;
  readonly items: readonly ItemDef[];
}

export interface RuleDef {
  readonly id: string;
  readonly level: 'STOP' | 'ESC' | 'RISK' | 'INFO';
  readonly domain: string;
}

interface InstrumentDef {
  readonly id: string;
  readonly version: number;
  readonly sections: readonly SectionDef[];
  readonly rules: readonly RuleDef[];
}

/** One answer in the answers format of docs/instrument-authoring.md. */
export type AnswerJson =
  | string
  | number
  | readonly string[]
  | { readonly special: 'unknown' | 'declined' }
  | { readonly [key: string]: string }
  | readonly { readonly [column: string]: string | number | null }[];

export type Answers = Readonly<Record<string, AnswerJson>>;

export type YnuValue = 'yes' | 'no' | 'unknown' | 'declined';
export const ynuValues: readonly YnuValue[] = ['yes', 'no', 'unknown', 'declined'];

/** The one place the tests pin the version they drive: the current one (src/instrument/registry.ts). */
export const CURRENT_VERSION = 2;
const definitionDir = (version: number): string => join(repoRoot, `src/instrument/definitions/homeward-return/v${String(version)}`);
const DEFINITION_DIR = definitionDir(CURRENT_VERSION);

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8')) as unknown;
}

function asStrings(value: unknown, what: string): Readonly<Record<string, string>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${what} is not a flat object of strings`);
  return value as Record<string, string>;
}

export const definition = readJson(join(DEFINITION_DIR, 'instrument.json')) as InstrumentDef;
const content = asStrings(readJson(join(DEFINITION_DIR, 'content/en.json')), 'content/en.json');
const wizardText = asStrings(readJson(join(repoRoot, 'locales/en/wizard.json')), 'locales/en/wizard.json');
const engineText = asStrings(readJson(join(repoRoot, 'locales/en/engine.json')), 'locales/en/engine.json');

function lookup(table: Readonly<Record<string, string>>, key: string, file: string): string {
  const text = table[key];
  if (text === undefined) throw new Error(`${file} has no "${key}"`);
  return text;
}

/**
 * The English wording of an older version, for drafts a test keeps on that version (the version
 * switch of drafts: a v1 draft is finished under v1).
 */
export function olderContentText(version: number, key: string): string {
  const table = asStrings(readJson(join(definitionDir(version), 'content/en.json')), `v${String(version)} content/en.json`);
  return lookup(table, key, `v${String(version)} content/en.json`);
}

/** A key of content/en.json (the instrument's wording). */
export const contentText = (key: string): string => lookup(content, key, 'content/en.json');
/** A key of locales/en/wizard.json, with {{name}} placeholders filled. */
export function wizardString(key: string, params: Readonly<Record<string, string | number>> = {}): string {
  return lookup(wizardText, key, 'wizard.json').replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
/** A key of locales/en/engine.json. */
export const engineString = (key: string): string => lookup(engineText, key, 'engine.json');

const itemsByCode = new Map<string, ItemDef>(definition.sections.flatMap((s) => s.items.map((i) => [i.code, i] as const)));
const sectionOfItem = new Map<string, string>(definition.sections.flatMap((s) => s.items.map((i) => [i.code, s.code] as const)));

export function itemDef(code: string): ItemDef {
  const item = itemsByCode.get(code);
  if (!item) throw new Error(`No item ${code} in ${definition.id} v${String(definition.version)}`);
  return item;
}

export function sectionDef(code: string): SectionDef {
  const section = definition.sections.find((s) => s.code === code);
  if (!section) throw new Error(`No section ${code}`);
  return section;
}

export const sectionOf = (itemCode: string): string | undefined => sectionOfItem.get(itemCode);
export const sectionTitle = (code: string): string => contentText(`section.${code}.title`);

export function sectionByTitle(title: string): SectionDef {
  const section = definition.sections.find((s) => sectionTitle(s.code) === title);
  if (!section) throw new Error(`No section is titled "${title}"`);
  return section;
}

/** The question's text: the accessible name of the item's group (fieldset legend or label). */
export const itemLabel = (code: string): string => contentText(`item.${code}.label`);
export const optionLabel = (code: string, option: string): string => contentText(`item.${code}.option.${option}`);
export const columnLabel = (code: string, column: string): string => contentText(`item.${code}.column.${column}.label`);
export const columnOptionLabel = (code: string, column: string, option: string): string =>
  contentText(`item.${code}.column.${column}.option.${option}`);
export const ynuLabel = (value: YnuValue): string => wizardString(`ynu.${value}`);

export function ruleDef(id: string): RuleDef {
  const rule = definition.rules.find((r) => r.id === id);
  if (!rule) throw new Error(`No rule ${id}`);
  return rule;
}

/** A flag's first line on the review screen: "<level> · <domain>: <reason>" (review/flag-list.tsx). */
export function flagHeadline(ruleId: string): string {
  const rule = ruleDef(ruleId);
  return `${engineString(`level.${rule.level}`)} · ${engineString(`domain.${rule.domain}`)}: ${contentText(`rule.${ruleId}.reason`)}`;
}

/** Past this many options a choice is a <select>, not radios (wizard/inputs/choice-input.tsx). */
export const MAX_RADIO_OPTIONS = 8;

/** The answers format's "special" one-tap answer. */
export function isSpecialAnswer(answer: AnswerJson): answer is { readonly special: 'unknown' | 'declined' } {
  return typeof answer === 'object' && !Array.isArray(answer) && 'special' in answer;
}

/** A golden case of tests/golden/cases-v2/ (the current version). */
export interface GoldenCase {
  readonly title: string;
  readonly now: string;
  readonly instrument: { readonly id: string; readonly version: number };
  readonly answers: Answers;
  /** Review-screen records (overrides, sign-offs); the cases the browser tests drive have none. */
  readonly decisions?: readonly unknown[];
  readonly expect: {
    readonly overall: string;
    readonly domains: Readonly<Record<string, string>>;
    readonly flags: readonly string[];
    readonly flagLevels?: Readonly<Record<string, string>>;
    readonly allowed: readonly string[];
    readonly blocked: readonly string[];
    readonly signOffReady: boolean;
    readonly missing: readonly unknown[];
  };
}

export function loadGoldenCase(fileStart: string): GoldenCase {
  const dir = join(repoRoot, 'tests/golden/cases-v2');
  const candidates = readdirSync(dir).filter((f) => f.startsWith(fileStart) && f.endsWith('.json'));
  const [file, ...others] = candidates;
  if (!file || others.length > 0) throw new Error(`Expected one golden case starting "${fileStart}", found: ${candidates.join(', ') || 'none'}`);
  const golden = readJson(join(dir, file)) as GoldenCase;
  if (golden.instrument.version !== CURRENT_VERSION) throw new Error(`${file} is a case of version ${String(golden.instrument.version)}`);
  return golden;
}
