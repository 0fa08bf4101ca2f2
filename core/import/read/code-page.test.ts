/** 8-bit CSV files: Western European unless another code page reads the file's words better. */
import { describe, expect, it } from 'vitest';
import { decodeText } from './read-csv.js';

/** Encodes with a table of the letters that differ (the rest is ASCII). */
const bytes = (text: string, table: Record<string, number>) => Buffer.from([...text].map((c) => table[c] ?? c.charCodeAt(0)));
const CP1250: Record<string, number> = {
  č: 0xe8,
  ř: 0xf8,
  ů: 0xf9,
  á: 0xe1,
  í: 0xed,
  é: 0xe9,
  ť: 0x9d,
  Ť: 0x8d,
  ú: 0xfa,
  Ú: 0xda,
  ž: 0x9e,
  š: 0x9a,
  ě: 0xec,
  ý: 0xfd,
  ł: 0xb3,
  ą: 0xb9,
  ż: 0xbf,
};
const CP1252: Record<string, number> = { é: 0xe9, è: 0xe8, à: 0xe0, ù: 0xf9, ê: 0xea, ç: 0xe7, '’': 0x92, œ: 0x9c, '€': 0x80 };

/** Text encoded by the platform's own decoder table of a code page (every byte 0x80–0xFF decoded once, then reversed). */
const encoder = (label: string) => {
  const table: Record<string, number> = {};
  const decoded = new TextDecoder(label).decode(Uint8Array.from({ length: 128 }, (_, i) => 128 + i));
  [...decoded].forEach((ch, i) => (table[ch] ??= 128 + i));
  return (text: string) => bytes(text, table);
};

describe('code pages', () => {
  it.each([
    // Greek (Windows-1253), Bulgarian (Windows-1251), Romanian with cedillas (Windows-1250), Lithuanian (Windows-1257).
    ['windows-1253', 'Δραστηριότητα επεξεργασίας;Σκοπός της επεξεργασίας;Αποδέκτες\nΜισθοδοσία;Καταβολή μισθών;ΑΑΔΕ\n'],
    ['windows-1251', 'Дейност по обработване;Цели на обработването;Получатели\nЗаплати;Изплащане на заплати;НАП\n'],
    ['windows-1250', 'Denumirea activităţii de prelucrare;Scopurile prelucrării;Destinatari\nSalarizare;Plata salariilor;ANAF\n'],
    ['windows-1257', 'Duomenų tvarkymo veikla;Duomenų tvarkymo tikslai;Duomenų gavėjai\nDarbo užmokestis;Darbo užmokesčio mokėjimas;VMI\n'],
  ])('a register written in %s is read in that code page (its words are the vocabulary’s)', (label, text) => {
    const out = decodeText(encoder(label)(text));
    expect(out.encoding).toBe(label);
    expect(out.text).toBe(text);
  });

  it('a Czech file written in Windows-1250 is read as such (Windows-1252 leaves some of its bytes undefined)', () => {
    const text = 'Processing activity;Purpose;Recipients\nMzdy;Výplata mezd;Finanční úřad\nŤažba dat;Účel;Úřad práce\n';
    const out = decodeText(bytes(text, CP1250));
    expect(out.encoding).toBe('windows-1250');
    expect(out.text).toBe(text);
  });

  it('a French file written in Windows-1252 stays Windows-1252, its apostrophes, œ and € read', () => {
    const text = 'Nom du traitement;Finalité;Durée de conservation\nPaie;Gérer la paie à l’échéance;5 ans après la fin du contrat\nVœux;Envoyer les vœux;1 an, coût 10 €\n';
    const out = decodeText(bytes(text, CP1252));
    expect(out.encoding).toBe('windows-1252');
    expect(out.text).toBe(text);
  });
});
