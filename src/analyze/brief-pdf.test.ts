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

  it('prints a page to PDF without running its scripts, a resource it asks for (aborted) not holding the print up', async () => {
    // The page count is plain in the PDF (its content streams are compressed): a script that ran would stretch the
    // one-line page over many pages.
    const pages = (pdf: Buffer): number => pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
    const pdf = await htmlToPdf(
      '<!DOCTYPE html><html><body><p id="p">plain</p><script>document.body.style.height="3000mm"</script><img src="http://127.0.0.1:9/x.png"></body></html>',
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pages(pdf)).toBe(1);
    // The count sees a tall page: the same height set without a script prints many pages.
    const tall = await htmlToPdf('<!DOCTYPE html><html><body style="height:3000mm"><p>plain</p></body></html>');
    expect(pages(tall)).toBeGreaterThan(5);
  }, 60_000);
});
