// Firefox ESR with the packaged extension installed, driven by puppeteer-core over WebDriver
// BiDi. BiDi may not navigate a tab to a moz-extension: page, but it can script one the
// extension opened itself: the guide it opens at its first install is the way in.
import puppeteer from 'puppeteer-core';
import { readFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { ROOT } from './chromium.mjs';

export const PACKAGED_FIREFOX = resolve(ROOT, 'dist/firefox');

/**
 * With `downloadDir`, what the extension offers for download is saved there without a question;
 * `prefs` are more Firefox preferences (e.g. a proxy that answers for every host name).
 * @param {{ downloadDir?: string, prefs?: Record<string, unknown> }} [options]
 */
export async function launchFirefoxWithExtension({ downloadDir, prefs = {} } = {}) {
  const manifest = JSON.parse(await readFile(resolve(PACKAGED_FIREFOX, 'manifest.json'), 'utf8'));
  const addonId = manifest.browser_specific_settings.gecko.id;
  // A known internal UUID, so that the test knows the extension's origin.
  const uuid = randomUUID();
  const downloads = downloadDir
    ? { 'browser.download.dir': downloadDir, 'browser.download.folderList': 2, 'browser.download.useDownloadDir': true, 'browser.download.always_ask_before_handling_new_types': false }
    : {};
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }), ...downloads, ...prefs },
  });
  await browser.installExtension(PACKAGED_FIREFOX);
  const origin = `moz-extension://${uuid}/`;
  /** @type {import('puppeteer-core').Page | undefined} */
  let extensionPage;
  for (let waited = 0; !extensionPage && waited < 15_000; waited += 250) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith(origin)) extensionPage = page;
    }
    if (!extensionPage) await new Promise((r) => setTimeout(r, 250));
  }
  if (!extensionPage) throw new Error('the extension opened no page at install');
  return { browser, origin, extensionPage };
}
