/**
 * One-step set-up from an organisation kit (issue 15, item 8), device to device: the supervisor's
 * device makes the kit; a new device refuses it until the person confirms the signing root's
 * fingerprint, then trusts the kit's roots and adds its recipients in one import.
 */
import { describe, expect, it } from 'vitest';
import { KitError } from '../../../export/org-kit';
import { testDevice } from '../envelope/test-device';

const ORG = 'Fictional Shelter Network';
const choices = { roles: ['caseworker', 'supervisor'] as const, policy: { followUpDays: [7, 30, 90], idleLock: { minMinutes: 2, maxMinutes: 15 } } };

async function supervisorWithKit() {
  const supervisor = await testDevice();
  await supervisor.identity.createOrganisationRoot(ORG);
  await supervisor.identity.ensureSigningIdentity({ name: 'Sam Supervisorfictional', organisation: ORG, role: 'supervisor' });
  const partner = await testDevice();
  const partnerRoot = await partner.identity.createOrganisationRoot('Fictional Return Partner');
  await supervisor.identity.trustRoot(await supervisor.identity.previewRoot(partnerRoot.certificatePem));
  const kit = await supervisor.kits.createKit({ roles: [...choices.roles], policy: choices.policy });
  return { supervisor, kit };
}

describe('organisation kit on a device', () => {
  it('a new device refuses the kit until the signing root is confirmed, then is set up in one import', async () => {
    const { kit } = await supervisorWithKit();
    const fresh = await testDevice();
    const refusal = await fresh.kits.importKit(kit).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(KitError);
    expect((refusal as KitError).reason).toBe('root-not-trusted');
    expect(await fresh.trustedRoots.list()).toEqual([]);
    const signer = (refusal as KitError).signer;
    expect(signer?.organisation).toBe(ORG);

    const done = await fresh.kits.importKit(kit, signer);
    expect(done).toMatchObject({ organisation: ORG, rootsTrusted: 1, recipientsAdded: 1, recipientsSkipped: 0 });
    expect((await fresh.trustedRoots.list()).map((root) => root.label).sort()).toEqual(['Fictional Return Partner', ORG]);
    expect((await fresh.encryption.recipients()).map((recipient) => [recipient.name, recipient.problem])).toEqual([['Sam Supervisorfictional', null]]);
    const current = await fresh.kits.current();
    expect(current !== null && 'kit' in current ? current.kit.content.policy : null).toEqual(choices.policy);
  });

  it("a confirmation for another root does not trust the kit's signer", async () => {
    const { kit } = await supervisorWithKit();
    const other = await supervisorWithKit();
    const otherRefusal = (await (await testDevice()).kits.importKit(other.kit).catch((error: unknown) => error)) as KitError;
    const fresh = await testDevice();
    const refusal = await fresh.kits.importKit(kit, otherRefusal.signer).catch((error: unknown) => error);
    expect((refusal as KitError).reason).toBe('root-not-trusted');
    expect(await fresh.trustedRoots.list()).toEqual([]);
  });

  it('a device without the organisation root cannot make a kit', async () => {
    const device = await testDevice();
    await expect(device.kits.createKit({ roles: ['caseworker'], policy: choices.policy })).rejects.toBeInstanceOf(KitError);
  });
});
