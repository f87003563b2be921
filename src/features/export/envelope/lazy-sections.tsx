import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const LazyAddressBook = lazy(async () => ({ default: (await import('./address-book-section')).AddressBookSection }));
const LazyOrgKit = lazy(async () => ({ default: (await import('../org-kit/org-kit-section')).OrgKitSection }));
const LazyEncrypt = lazy(async () => ({ default: (await import('./encrypt-for-recipient')).EncryptForRecipient }));

function Loading() {
  const { t } = useTranslation('envelope');
  return <p role="status">{t('loading')}</p>;
}

/** Settings: this device's encryption certificate and the recipients' address book. */
export function AddressBookSection() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyAddressBook />
    </Suspense>
  );
}

/** Settings: the organisation kit (issue 15, item 8). */
export function OrgKitSection() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyOrgKit />
    </Suspense>
  );
}

/** Export screen, once a signed file is made: encrypt it to a recipient. */
export function EncryptForRecipient(props: { bytes: Uint8Array; fileName: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <LazyEncrypt {...props} />
    </Suspense>
  );
}
