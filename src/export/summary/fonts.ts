/**
 * Browser font loader: the TTFs are emitted by Vite as assets (`?url`) and precached by the PWA
 * (the Workbox glob includes .ttf), so export works offline. Node tests read the same files from
 * node_modules with fs instead (tests/unit/summary/fixture.ts). The Arabic package's `exports`
 * map hides its font files, hence the path into node_modules.
 */
import arabicBoldUrl from '../../../node_modules/@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Bold.ttf?url';
import arabicUrl from '../../../node_modules/@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Regular.ttf?url';
import ethiopicUrl from '@expo-google-fonts/noto-sans-ethiopic/400Regular/NotoSansEthiopic_400Regular.ttf?url';
import boldUrl from '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url';
import regularUrl from '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url';
import type { SummaryFonts } from './types';

async function fetchFont(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`A font for the PDF summary could not be loaded (${response.status}). Reload the app while online once, then try again.`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function loadSummaryFonts(): Promise<SummaryFonts> {
  const [regular, bold, arabic, arabicBold, ethiopic] = await Promise.all([regularUrl, boldUrl, arabicUrl, arabicBoldUrl, ethiopicUrl].map(fetchFont));
  return { regular: regular!, bold: bold!, arabic: arabic!, arabicBold: arabicBold!, ethiopic: ethiopic! };
}
