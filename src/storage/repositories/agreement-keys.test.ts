import { describe, expect, it } from 'vitest';
import { devicesClosedAfterEach, OLD_PASSPHRASE } from '../../../tests/helpers/sealed-device';
import { AgreementKeyRecordError } from './agreement-keys';

const aDevice = devicesClosedAfterEach();

const ecdh = (extractable = true) => crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, extractable, ['deriveBits']);

describe('key-agreement keys', () => {
  it('are sealed, come back non-extractable for deriveBits only, and keep their certificate', async () => {
    const device = aDevice();
    const page = device.page();
    await page.session.setup(OLD_PASSPHRASE);
    const pair = await ecdh();
    const created = await page.agreementKeys.create({ identityId: 'identity-1', ...pair });
    expect(created.privateKey.extractable).toBe(false);
    await page.agreementKeys.setCertificate(created.id, 'PEM');
    // A new page load on the same device: the stored key agrees with the original public key.
    const next = device.page();
    await next.session.unlock(OLD_PASSPHRASE);
    const read = await next.agreementKeys.forIdentity('identity-1');
    expect(read).toMatchObject({ id: created.id, certificatePem: 'PEM' });
    expect(read?.privateKey.extractable).toBe(false);
    expect(read?.privateKey.usages).toEqual(['deriveBits']);
    const probe = await ecdh(false);
    const a = await crypto.subtle.deriveBits({ name: 'ECDH', public: probe.publicKey }, read?.privateKey ?? pair.privateKey, 256);
    const b = await crypto.subtle.deriveBits({ name: 'ECDH', public: pair.publicKey }, probe.privateKey, 256);
    expect(new Uint8Array(a)).toEqual(new Uint8Array(b));
    // Nothing stored holds the key in clear or as a CryptoKey.
    const rows: unknown[] = await device.db.agreementKeys.toArray();
    expect(rows.some((row) => Object.values(row as object).some((value) => value instanceof CryptoKey))).toBe(false);
  });

  it('refuses a key it cannot seal, a signing key, or two halves of different pairs; nothing is written', async () => {
    const device = aDevice();
    const page = device.page();
    await page.session.setup(OLD_PASSPHRASE);
    const locked = await ecdh(false);
    await expect(page.agreementKeys.create({ identityId: 'i', ...locked })).rejects.toBeInstanceOf(AgreementKeyRecordError);
    const signing = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    await expect(page.agreementKeys.create({ identityId: 'i', ...signing })).rejects.toBeInstanceOf(AgreementKeyRecordError);
    const [one, two] = [await ecdh(), await ecdh()];
    await expect(page.agreementKeys.create({ identityId: 'i', privateKey: one.privateKey, publicKey: two.publicKey })).rejects.toBeInstanceOf(AgreementKeyRecordError);
    expect(await device.db.agreementKeys.count()).toBe(0);
  });

  it('lists a row whose sealed key was swapped with another row as unreadable, and keeps it', async () => {
    const device = aDevice();
    const page = device.page();
    await page.session.setup(OLD_PASSPHRASE);
    const first = await page.agreementKeys.create({ identityId: 'a', ...(await ecdh()) });
    const second = await page.agreementKeys.create({ identityId: 'b', ...(await ecdh()) });
    const rowA = (await device.db.agreementKeys.get(first.id)) as { key: unknown };
    await device.db.agreementKeys.update(second.id, { key: rowA.key });
    const { keys, unreadable } = await page.agreementKeys.list();
    expect(keys.map((k) => k.id)).toEqual([first.id]);
    expect(unreadable).toEqual([second.id]);
    expect(await device.db.agreementKeys.count()).toBe(2);
  });
});
