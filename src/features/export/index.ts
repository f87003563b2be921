/** The export screen (`#/draft/<id>/export`), and the signer panel the verify screen reuses. */
export { ExportScreen } from './export-screen';
export { SignerPanel, useSigner, type Signer, type SignerState } from './signer';
export { DownloadLink } from './download-link';
export { ShareButton } from './share-button';
export { exportErrorKind, type ExportErrorKind } from './export-errors';
