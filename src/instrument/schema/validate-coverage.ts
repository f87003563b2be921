/**
 * Loader checks of the rules as a whole: hard rules are STOPs; under `unknowns: derived` no STOP
 * rule has a gateway that could silently stay blank; re-check items are STOP-relevant; sharing
 * names consent and scope items of the right kind.
 */
import { isRecordType } from './answer-types';
import { shareCategories, type Instrument, type Item, type RuleBook } from './instrument';
import { gatewaysOf, itemsTestedWith, visibilityConditions } from './reads';

export function checkRules(inst: RuleBook, items: Map<string, Item>): string[] {
  const p: string[] = [];
  for (const rule of inst.rules) {
    if (rule.hard && rule.level !== 'STOP') p.push(`rule ${rule.id}: only a STOP rule can be hard`);
    for (const code of rule.unknownItems ?? []) {
      if (isRecordType(items.get(code)?.type ?? 'text')) p.push(`rule ${rule.id}: ${code} is a record, not an answer`);
    }
  }
  return p;
}

/** Every item read by a STOP rule or deciding whether such an item is asked. */
export function stopRelevantItems(inst: RuleBook): string[] {
  const out = new Set<string>();
  for (const rule of inst.rules) {
    if (rule.level !== 'STOP') continue;
    for (const code of gatewaysOf(rule.when, inst)) out.add(code);
    for (const code of rule.unknownItems ?? []) out.add(code);
  }
  return [...out];
}

/**
 * Under `unknowns: derived` an unknown or declined gateway raises at least ESC; a gateway left
 * blank must block too, so it must be required (blank is then "missing", which blocks proceeding
 * and sign-off), unless a condition on the path tests it with `answered` and so says what blank means.
 */
export function checkCoverage(inst: RuleBook, items: Map<string, Item>): string[] {
  const p: string[] = [];
  if (inst.unknowns === 'derived') {
    for (const rule of inst.rules) {
      if (rule.level !== 'STOP') continue;
      const gateways = gatewaysOf(rule.when, inst);
      const conditions = [rule.when, ...Object.values(inst.predicates), ...gateways.flatMap((c) => visibilityConditions(inst, c))];
      const handled = new Set(conditions.flatMap((c) => [...itemsTestedWith(c, 'answered')]));
      for (const code of gateways) {
        const item = items.get(code);
        if (!item) continue;
        if (isRecordType(item.type)) p.push(`rule ${rule.id}: gateway ${code} is a record, not an answer`);
        else if (!item.required && !handled.has(code)) {
          p.push(`rule ${rule.id}: gateway ${code} is not required, so leaving it blank would hide the STOP (make it required or test it with "answered")`);
        }
      }
    }
  }
  const relevant = new Set(stopRelevantItems(inst));
  for (const item of items.values()) {
    if (item.recheck && !relevant.has(item.code)) p.push(`item ${item.code}: marked for the re-check but no STOP rule reads it`);
  }
  return p;
}

export function checkSharing(inst: Instrument, items: Map<string, Item>): string[] {
  const p: string[] = [];
  const allowed = new Set<string>([...shareCategories, 'none']);
  for (const recipient of inst.sharing?.recipients ?? []) {
    const consent = items.get(recipient.consent);
    if (consent?.type !== 'ynu') p.push(`sharing ${recipient.id}: consent ${recipient.consent} must be a yes/no/unknown item`);
    if (recipient.scope === undefined) continue;
    const scope = items.get(recipient.scope);
    if (scope?.type !== 'multi') {
      p.push(`sharing ${recipient.id}: scope ${recipient.scope} must be a multi item`);
      continue;
    }
    for (const o of scope.options ?? []) if (!allowed.has(o.code)) p.push(`sharing ${recipient.id}: ${o.code} is not a share category`);
  }
  return p;
}
