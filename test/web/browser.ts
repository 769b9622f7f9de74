// Debian's Chromium driven by playwright-core (never a downloaded browser). Without
// /usr/bin/chromium the browser tests skip with the reason, except under CI=true, where they fail.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const mustRun = process.env.CI === 'true';
export const browserMissing = existsSync(chromiumPath)
  ? null
  : `no Chromium at ${chromiumPath} (apt-get install chromium)`;
export const skipBrowser = browserMissing !== null && !mustRun;
if (skipBrowser) console.warn(`skipping the browser tests: ${browserMissing}`);

export async function launchBrowser(): Promise<Browser> {
  if (browserMissing) throw new Error(`${browserMissing} (CI=true: the browser tests must run)`);
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
