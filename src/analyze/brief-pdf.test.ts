import { describe, expect, it } from 'vitest';
import { htmlToPdf, PdfUnavailableError } from './brief-pdf.js';

describe('htmlToPdf', () => {
  it('says clearly when Chromium is missing', async () => {
    const err = await htmlToPdf('<p>x</p>', '/nonexistent/chromium').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PdfUnavailableError);
    expect((err as Error).message).toBe(
      'no Chromium at /nonexistent/chromium (install it, e.g. apt-get install chromium)',
    );
  });

  it('prints a page to PDF, a resource it asks for (aborted) not holding the print up', async () => {
    const pdf = await htmlToPdf(
      '<!DOCTYPE html><html><body><p id="p">plain</p><script>document.body.textContent="ran"</script><img src="http://127.0.0.1:9/x.png"></body></html>',
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);
});
