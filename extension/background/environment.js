// The capture's environment, as the evidence standards ask (NF Z67-147: browser, system,
// clock; Berkeley Protocol: the time and the tools used).
import { core } from '../shared/core.js';

/**
 * @param {chrome.tabs.Tab} tab
 * @param {Date} when
 */
export async function environment(tab, when) {
  const manifest = chrome.runtime.getManifest();
  const platform = await chrome.runtime.getPlatformInfo();
  const { browser, version } = await browserInfo();
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return {
    browser,
    browserVersion: version,
    os: `${platform.os} ${platform.arch}`,
    extensionVersion: manifest.version,
    userAgent: navigator.userAgent,
    language: chrome.i18n.getUILanguage(),
    timeZone: zone,
    localTime: core.localTime(when.getTime(), -when.getTimezoneOffset()),
    incognito: !!tab.incognito,
  };
}

async function browserInfo() {
  const runtime = /** @type {any} */ (chrome.runtime);
  if (typeof runtime.getBrowserInfo === 'function') {
    const info = await runtime.getBrowserInfo(); // Firefox
    return { browser: info.name, version: info.version };
  }
  const data = /** @type {any} */ (navigator).userAgentData;
  const brand = data?.brands?.find((/** @type {any} */ b) => !/Not.?A.?Brand/i.test(b.brand) && b.brand !== 'Chromium') ?? data?.brands?.find((/** @type {any} */ b) => b.brand === 'Chromium');
  const full = navigator.userAgent.match(/Chrom(?:e|ium)\/([\d.]+)/)?.[1];
  return { browser: brand?.brand ?? 'Chromium', version: full ?? brand?.version ?? '' };
}
