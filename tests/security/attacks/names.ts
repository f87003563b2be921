// Names that display differently from what the certificate says: bidirectional control characters
// (right-to-left override, isolates, marks) in a signer's CN or O, or in a reviewer's decision
// comments. The verifier must never hand them to the screen raw ("Supervisor‮gnp.exe" shows as
// "Supervisorexe.png"). The certificates are made here with the organisation's root key, so the
// suite does not depend on whether the app's request flow refuses such names (issue item 5).
import type { AttackCase, Expectation } from '../support/cases';
import { ANY } from '../support/cases';
import { ORG, certificate } from '../support/pki';
import type { Identity, NameParts } from '../support/pki';
import { appCms, countersign } from '../support/sign';
import { reviewerSigns } from '../support/world';
import type { World } from '../support/world';
import { fields } from './edits';

const shownClean = (trustable: boolean): Expectation => ({ verdicts: ANY, signatures: 2, trustable: [true, trustable] });

export async function nameCases(w: World): Promise<AttackCase[]> {
  const issued = (parts: NameParts): Promise<Identity> => certificate({ subject: parts, issuer: { certificate: w.org.root, key: w.org.rootKey } });
  const approvedBy = async (identity: Identity, name: string): Promise<Uint8Array> => countersign(w.signed, fields(name), appCms(identity));
  const list: [string, string, Promise<Uint8Array>, boolean][] = [
    ['cn-right-to-left-override', 'an organisation-issued approver named "Supervisor\\u202Egnp.exe"', issued({ o: ORG, cn: 'Supervisor\u202Egnp.exe' }).then((id) => approvedBy(id, 'Supervisor')), true],
    ['o-right-to-left-override', 'an approver whose organisation is "Homeward Partner NGO\\u202E (lacitif)"', issued({ o: 'Homeward Partner NGO\u202E (lacitif)', cn: 'Dana Reyes' }).then((id) => approvedBy(id, 'Dana Reyes')), true],
    ['cn-isolates', 'an approver named "Dana \\u2067Reyes\\u2069" (right-to-left isolate)', issued({ o: ORG, cn: 'Dana \u2067Reyes\u2069' }).then((id) => approvedBy(id, 'Dana Reyes')), true],
    ['cn-right-to-left-mark', 'an approver named "Dana Reyes\\u200F"', issued({ o: ORG, cn: 'Dana Reyes\u200F' }).then((id) => approvedBy(id, 'Dana Reyes')), true],
    ['cn-arabic-letter-mark', 'an approver named "Dana\\u061C Reyes"', issued({ o: ORG, cn: 'Dana\u061C Reyes' }).then((id) => approvedBy(id, 'Dana Reyes')), true],
    ['self-signed-cn-embedding', 'a self-signed approver named "\\u202AAmara\\u202C Okafor" (embedding and pop)', certificate({ subject: { o: ORG, cn: '\u202AAmara\u202C Okafor' } }).then((id) => approvedBy(id, 'Amara Okafor')), false],
    [
      'decision-comments-right-to-left-override',
      'a genuine supervisor approving, with comments "Checked \\u202Edevorppa ton\\u202C (fictional)" in /Reason',
      reviewerSigns(w.signed, w.supervisor, 'Dana Reyes', 'Supervisor', { kind: 'approve', comments: 'Checked \u202Edevorppa ton\u202C (fictional)' }),
      true,
    ],
  ];
  const cases: AttackCase[] = [];
  let n = 1;
  for (const [slug, attack, bytes, trustable] of list) {
    cases.push({ file: `names-${String(n++).padStart(2, '0')}-${slug}.pdf`, attack: `${attack} countersigns a genuine summary`, bytes: await bytes, expect: shownClean(trustable) });
  }
  return cases;
}
