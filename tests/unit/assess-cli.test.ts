/**
 * `npm run assess` end to end: a real child process on real files, as a reviewer would run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'homeward-assess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function assessCli(args: readonly string[]) {
  // `node --import tsx` is what `npm run assess` (tsx) does, without npx's start-up cost.
  const out = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/assess.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, stdout: out.stdout, stderr: out.stderr };
}

function run(name: string, contents?: string) {
  const file = join(dir, name);
  if (contents !== undefined) writeFileSync(file, contents);
  return assessCli([file]);
}

const golden = (file: string) => join(root, 'tests', 'golden', file);

describe('npm run assess', () => {
  it('prints the assessment of a wrapped answers file at the given date', () => {
    const r = run('wrapped.json', JSON.stringify({ now: '2026-11-27', answers: { N3: 'low', N4: 'defer' } }));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { now: string; instrument: { id: string }; chosen: { recommendation: string } };
    expect(result.now).toBe('2026-11-27');
    expect(result.instrument.id).toBe('homeward-return');
    expect(result.chosen.recommendation).toBe('defer');
  }, 60_000);

  it('accepts a bare answers object, dated today', () => {
    const r = run('bare.json', JSON.stringify({ N4: 'defer' }));
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { now: string }).now).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, 60_000);

  it('exits 2 on a file that is not JSON', () => {
    const r = run('broken.json', '{ "N4": "defer",');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON/);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('exits 2 naming the key of an invalid answer', () => {
    const r = run('invalid.json', JSON.stringify({ now: '2026-11-27', answers: { E2: { amount: 300 } } }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/answers\.E2: not a valid answer/);
  }, 60_000);

  it('exits 2 on a file that does not exist', () => {
    const r = run('absent.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*absent\.json/);
  }, 60_000);

  it('--help says how to use it, and exits 0', () => {
    const r = assessCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/usage: npm run assess -- \[options\] <file\.json>…/);
    for (const option of ['--now DATE', '--lang CODE', '--format FORMAT']) expect(r.stdout).toContain(option);
  }, 60_000);

  it('reads a golden case file as it is, on the version it names (v1 stays v1)', () => {
    const r = assessCli([golden('cases/03-adult-journey-debt-trafficker-claims.json')]);
    expect(r.stderr).toBe('');
    const result = JSON.parse(r.stdout) as { instrument: { version: number }; flags: { ruleId: string }[] };
    expect(result.instrument.version).toBe(1);
    expect(result.flags.map((f) => f.ruleId)).toContain('E2-trafficker-creditor');
  }, 60_000);

  it('records a case file\'s decisions in order: a sign-off, then a changed answer lapses it', () => {
    const r = assessCli([golden('cases-v2/03-adult-signed-then-threatened-pending-recheck.json')]);
    const result = JSON.parse(r.stdout) as { signOff: { state: string; signedOn: string } };
    expect(result.signOff).toMatchObject({ state: 'pending_recheck', signedOn: '2026-11-20' });
  }, 60_000);

  it('--now assesses as of another date: a child of 16 is an adult two years later', () => {
    const file = golden('cases-v2/22-child-16-full-bia-signable.json');
    const at = (now: string) => (JSON.parse(assessCli(['--now', now, file]).stdout) as { now: string; profile: { isChild: boolean } });
    expect(at('2026-11-27').profile.isChild).toBe(true);
    expect(at('2028-11-27')).toMatchObject({ now: '2028-11-27', profile: { isChild: false } });
  }, 60_000);

  it('--format text prints the explanation as a person reads it: ratings, flags with reasons, recommendations, sign-off', () => {
    const r = assessCli(['--lang', 'en', '--format', 'text', golden('cases-v2/14-adult-override-lapses-on-new-threat.json')]);
    expect(r.status).toBe(0);
    const text = r.stdout;
    expect(text).toContain('== HW-V2-14 (fictional)');
    expect(text).toContain('Very high — Driven by: Trafficker contact and control.');
    expect(text).toContain('STOP · Trafficker contact and control [F2-threats]');
    expect(text).toContain('→ Add a measure to the safety plan');
    expect(text).toContain('✗ Proceed with the listed conditions');
    // Rules and items a reason names are shown in words, not by their codes.
    expect(text).toContain('The override has lapsed: a STOP has appeared since it was recorded (The person or their family has been threatened since they left the exploitation).');
    expect(text).toContain('Before sign-off: Not ready for sign-off');
  }, 60_000);

  it('--lang prints it in another language, right to left included', () => {
    const r = assessCli(['--lang', 'ar', '--format', 'text', golden('cases-v2/19-adult-armed-conflict-in-return-area.json')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('نزاع مسلّح');
    expect(assessCli(['--lang', 'xx', '--format', 'text', golden('cases-v2/19-adult-armed-conflict-in-return-area.json')]).status).toBe(2);
  }, 60_000);

  it('assesses several files in one call: a JSON array, or one explanation after another', () => {
    const files = [golden('cases-v2/01-adult-avr-low-risk-signable.json'), golden('cases/01-adult-avr-verified-reception-no-impediment.json')];
    const json = JSON.parse(assessCli(files).stdout) as { file: string; result: { instrument: { version: number } } }[];
    expect(json.map((x) => x.result.instrument.version)).toEqual([2, 1]);
    const text = assessCli(['--format', 'text', ...files]).stdout;
    expect(text.match(/^== /gm)).toHaveLength(2);
  }, 60_000);

  it('exits 2 on an unknown option value, and names the file of an invalid answer', () => {
    expect(assessCli(['--format', 'pdf', golden('cases-v2/01-adult-avr-low-risk-signable.json')]).status).toBe(2);
    expect(assessCli(['--now', 'yesterday', golden('cases-v2/01-adult-avr-low-risk-signable.json')]).stderr).toMatch(/--now must be a date/);
    expect(assessCli([]).stderr).toMatch(/give at least one file/);
  }, 60_000);
  it('runs a follow-up check (homeward-followup): a threat raises the STOP alert with the plan\'s escalation steps', () => {
    const r = assessCli([golden('cases-followup/03-m1-adult-trafficker-contact-and-threats.json')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as { instrument: { id: string }; alert: { level: string; actions: { steps: string }[] }; outcomes: Record<string, string> };
    expect(result.instrument.id).toBe('homeward-followup');
    expect(result.alert.level).toBe('STOP');
    expect(result.alert.actions[0]?.steps).toMatch(/24-hour line/);
    expect(result.outcomes.trafficker_contact_or_threats).toBe('yes');
    const text = assessCli(['--format', 'text', golden('cases-followup/06-m6-adult-scores-medium-with-distress.json')]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('composite: 0.54 (medium)');
  }, 60_000);

  it('refuses decisions on a follow-up check, saying why', () => {
    const r = run('followup-decisions.json', JSON.stringify({
      instrument: { id: 'homeward-followup', version: 1 }, answers: { A1: 'm1' }, decisions: [{ signOff: { by: 'X', role: 'supervisor', date: '2027-01-01' } }],
    }));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no override or sign-off/);
  }, 60_000);
});

