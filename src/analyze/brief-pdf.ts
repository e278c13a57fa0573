import { existsSync } from 'node:fs';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../chromium.js';

/** Chromium or playwright-core could not be found or started. */
export class PdfUnavailableError extends Error {}

/**
 * An HTML document printed to PDF by Chromium's print-to-PDF (playwright-core driving the Debian Chromium). The page
 * runs with JavaScript disabled and no network: the document is set as the page's content and every request it
 * would make is aborted. playwright-core is loaded only here, so other commands do not pay for it.
 */
export async function htmlToPdf(html: string, executablePath: string = CHROMIUM_PATH): Promise<Buffer> {
  if (!existsSync(executablePath))
    throw new PdfUnavailableError(`no Chromium at ${executablePath} (install it, e.g. apt-get install chromium)`);
  let chromium: typeof import('playwright-core').chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    throw new PdfUnavailableError(`playwright-core could not be loaded: ${(e as Error).message}`);
  }
  let browser: import('playwright-core').Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS });
  } catch (e) {
    throw new PdfUnavailableError(`Chromium at ${executablePath} did not start: ${(e as Error).message}`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
