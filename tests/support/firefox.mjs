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
 * With `downloadDir`, what the extension offers for download is saved there without a question.
 * `prefs` adds preferences (a proxy, for instance); `acceptInsecureCerts` accepts the tests'
 * self-signed certificates.
 * @param {{ downloadDir?: string, prefs?: Record<string, unknown>, acceptInsecureCerts?: boolean }} [options]
 */
export async function launchFirefoxWithExtension({ downloadDir, prefs = {}, acceptInsecureCerts = false } = {}) {
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
    ...(acceptInsecureCerts ? { acceptInsecureCerts } : {}),
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

/**
 * Closes a Firefox started by `launchFirefoxWithExtension`; if it has not closed in 20 s (the
 * driver can wait on a browser that already went away), its process is killed, so that a test
 * file never hangs at its end.
 * @param {{ browser: import('puppeteer-core').Browser } | undefined} firefox
 */
export async function closeFirefox(firefox) {
  if (!firefox) return;
  const closed = firefox.browser.close().then(() => true, () => false);
  const inTime = await Promise.race([closed, new Promise((r) => setTimeout(() => r(false), 20_000))]);
  if (!inTime) firefox.browser.process()?.kill('SIGKILL');
}
