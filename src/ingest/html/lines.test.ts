import { describe, expect, it } from 'vitest';
import {
  isAdLabel,
  isBylineLine,
  isCallToAction,
  isCreditLine,
  isMarkupResidue,
  isPictureCredit,
  isStampLine,
} from './lines.js';

describe('furniture lines', () => {
  it('knows ad labels and interstitials', () => {
    for (const t of ['Advertisement', 'ADVERTISEMENT', 'Advert', 'Story continues below advertisement', 'Anzeige'])
      expect(isAdLabel(t), t).toBe(true);
    expect(isAdLabel('Advertising revenue fell by a third last year.')).toBe(false);
  });

  it('knows button and furniture box labels in English, German and French, not sentences using their words', () => {
    for (const t of [
      'Teilen',
      'Drucken:',
      'Weitere Artikel',
      'Meistgelesen',
      'Sur le même sujet',
      'Les plus lus',
      'Share',
    ])
      expect(isAdLabel(t), t).toBe(true);
    for (const t of [
      'Die Kosten teilen sich Bund und Land.',
      'Weitere Artikel folgen am Montag.',
      'Partager les coûts',
    ])
      expect(isAdLabel(t), t).toBe(false);
  });

  it('knows picture credits standing alone, not prose about pictures', () => {
    for (const t of [
      'Foto: dpa',
      '(Foto: Hanna Keller)',
      'Bild: Elmbacher Zeitung',
      '© picture alliance / dpa',
      'Photo : AFP',
    ])
      expect(isPictureCredit(t), t).toBe(true);
    for (const t of ['Fotos von der Mole zeigen tiefe Risse.', 'Das Bild der Stadt hat sich verändert.'])
      expect(isPictureCredit(t), t).toBe(false);
  });

  it('knows date and time stamp lines but not numbers or prose', () => {
    for (const t of [
      'October 12, 2017',
      'Nov 18, 2019 @17:19 PM · Updated: Nov 18, 2019 @17:26 PM',
      '20 Nov, 2019 05:47',
      'Updated at 1:23 p.m.',
      '2019-11-20 14:35',
    ]) {
      expect(isStampLine(t), t).toBe(true);
    }
    for (const t of ['36', '1,200 points', 'The ferry left at 10:15 on Monday with 40 passengers.', 'Published'])
      expect(isStampLine(t), t).toBe(false);
  });

  it('knows German and French date stamps, not sentences with a date or a planet and a year', () => {
    for (const t of [
      'Montag, 12. März 2024, 08:15 Uhr',
      'Stand: 12.03.2024, 08.15 Uhr',
      'Aktualisiert am 3. Dez. 2023',
      'Mis à jour le 1er mars 2024 à 08h15',
      'Publié le 3 déc. 2023 à 14h05',
      'samedi 7 décembre 2024',
    ])
      expect(isStampLine(t), t).toBe(true);
    for (const t of [
      'Am 12. März stimmte der Rat über die Mole ab.',
      'Le 1er mars, la jetée a rouvert.',
      'Mars 2020',
      '12.50',
    ])
      expect(isStampLine(t), t).toBe(false);
  });

  it('knows calls to action and bylines', () => {
    expect(isCallToAction('Sign up for our newsletter')).toBe(true);
    expect(isCallToAction('Like this story? Share it with a friend!')).toBe(true);
    expect(
      isCallToAction(
        'The harbour master said divers would read more of the survey data this week before deciding whether the breakwater can reopen to ferries.',
      ),
    ).toBe(false);
    expect(isBylineLine('By Jonas Whitlow')).toBe(true);
    for (const t of [
      'Von Hanna Keller und Jonas Brandt',
      'Ein Kommentar von Hanna Keller',
      'Autorin: Hanna Keller',
      'Par Claire Morel et Luc Garnier',
    ])
      expect(isBylineLine(t), t).toBe(true);
    for (const t of ['Von Montag an fahren die Fähren wieder.', 'Par ailleurs, la jetée reste fermée.'])
      expect(isBylineLine(t), t).toBe(false);
    expect(isMarkupResidue('https://www.ellerygazette.example/news/2024/03/12/breakwater')).toBe(true);
    expect(isMarkupResidue('12 Comments')).toBe(true);
    expect(isMarkupResidue('[button link="/tips"]Send us your story[/button]')).toBe(true);
    expect(isMarkupResidue('Comments from residents were mostly positive.')).toBe(false);
    expect(isBylineLine('By Tuesday the water had receded from most streets in the old town, officials said.')).toBe(
      false,
    );
  });

  it('knows reporting credits in English, German and French, not prose about reporting', () => {
    for (const t of [
      'Reporting by Jonas Whitlow; Editing by Marta Quill',
      '(Additional reporting by Hanna Keller in Elmbach)',
      'Marta Quill contributed reporting from Port Ellery.',
      'Mit Material von dpa',
      "Avec l'AFP",
    ])
      expect(isCreditLine(t), t).toBe(true);
    expect(isCreditLine('Reporting on the storm took the harbour office three weeks, the council heard.')).toBe(false);
  });
});
