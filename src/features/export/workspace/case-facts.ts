/**
 * The facts a reviewer scans a case by, from its latest version: all from the verified file and the
 * state src/case computed, never from anything typed on this device.
 */
import type { ReceivedCase } from '../../../case';
import { contentNamespace, getInstrument } from '../../../instrument';
import type { SignatureReport } from '../../../export/verify';
import { cleanName } from '../../../export/verify/names';
import type { CheckedFile } from './received-checks';

export interface CaseFacts {
  readonly reference: string | null;
  readonly assessor: string | null;
  /** The organisation as the trusted root names it; else as the signer claims it (`claimed`). */
  readonly organisation: { readonly name: string; readonly claimed: boolean } | null;
  readonly assessedOn: string | null;
  readonly overall: string | null;
  /** The recommendation item and the chosen option, for its label in the instrument's words. */
  readonly recommendation: { readonly item: string; readonly option: string; readonly ns: string } | null;
  readonly child: boolean;
  readonly youngAdult: boolean;
  readonly overridden: readonly string[];
  /** trusted: every signature verified and every signer is vouched for by a trusted root. */
  readonly trust: 'trusted' | 'not-trusted';
  readonly versions: number;
}

function organisationOf(signature: SignatureReport | undefined): CaseFacts['organisation'] {
  if (signature === undefined) return null;
  if (signature.trust.status === 'trusted') return { name: signature.trust.root.organisation, claimed: false };
  const claimed = cleanName(signature.signer.o).text;
  return claimed === '' ? null : { name: claimed, claimed: true };
}

export function caseFacts(item: ReceivedCase, checked: readonly CheckedFile[]): CaseFacts {
  const { state } = item.latest;
  const representative = checked.find((c) => c.file.id === item.latest.copies[0]?.input.id);
  const first = representative?.check.report.signatures[0];
  const chosen = state.result?.chosen.recommendation ?? null;
  let recommendation: CaseFacts['recommendation'] = null;
  if (state.instrument !== null && chosen !== null) {
    const instrument = getInstrument(state.instrument.id, state.instrument.version);
    recommendation = { item: instrument.decision.recommendation, option: chosen, ns: contentNamespace(instrument.id, instrument.version) };
  }
  return {
    reference: state.caseReference,
    assessor: first ? cleanName(first.signer.cn).text || null : null,
    organisation: organisationOf(first),
    assessedOn: state.result?.now ?? null,
    overall: state.result?.overall.level ?? null,
    recommendation,
    child: state.isChild,
    youngAdult: state.isYoungAdult,
    overridden: state.overridden,
    trust: representative?.check.report.allTrusted === true ? 'trusted' : 'not-trusted',
    versions: item.versions.length,
  };
}
