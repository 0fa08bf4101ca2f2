/**
 * Registers written in Portuguese, Swedish, Danish, Polish, Czech and Finnish: a small CSV per language,
 * headers in the wording of GDPR Art. 30(1) of that language (or a department's shorter word), legal bases
 * in words, durations as "5 år", "3 lata", "10 vuotta", "no transfer" as a department writes it. Each file
 * is imported into a temporary register; the columns' fields and the rows' values are checked.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempRegister, tempDir, type TempRegister } from '../testing/temp-register.js';
import { headerParts, matchHeader } from './assign/mapping.js';
import { parseRetention } from './normalise/retention.js';
import { parseLegalBases } from './normalise/legal-basis.js';
import { parseSafeguard } from './normalise/safeguard.js';
import { parseYesNo } from './normalise/yes-no.js';
import type { ImportPreview } from './preview/preview.js';
import { icuNames } from './normalise/country.js';
import { isRegisterWord, LANGUAGES } from './vocabulary/index.js';

/** The columns every file has, in this order. */
const FIELDS = ['name', 'purpose', 'legalBases', 'dataSubjects', 'dataCategories', 'recipients', 'transferCountries', 'transferSafeguard', 'retention', 'securityMeasures'];

interface Expected {
  name: string;
  purpose: string;
  bases: string[];
  subjects: string[];
  categories: string[];
  recipients: string[];
  /** [country, safeguard]; none when the row says there is no transfer. */
  transfer: [string, string] | null;
  retention: string;
}

interface Case {
  lang: string;
  headers: string[];
  rows: string[][];
  expected: Expected[];
  /** Rows that are not activities (an example, a total, a note, in the language's words): each skipped, none imported. */
  notActivities?: string[][];
}

const CASES: Case[] = [
  {
    lang: 'sv',
    headers: [
      'Behandling',
      'Ändamålen med behandlingen',
      'Rättslig grund',
      'Kategorier av registrerade',
      'Kategorier av personuppgifter',
      'Kategorier av mottagare',
      'Överföring till tredje land',
      'Skyddsåtgärder',
      'Lagringstid',
      'Säkerhetsåtgärder',
    ],
    rows: [
      [
        'Löneadministration',
        'Utbetalning av löner till anställda',
        'Rättslig förpliktelse',
        'Anställda',
        'Namn, personnummer, bankkonto',
        'Skatteverket, Försäkringskassan',
        'Ingen',
        '',
        '7 år',
        'Behörighetsstyrning',
      ],
      ['Nyhetsbrev', 'Utskick av nyhetsbrev till kunder', 'Samtycke', 'Kunder', 'Namn, e-postadress', 'Mailchimp', 'USA', 'standardavtalsklausuler', '18 månader', 'Kryptering'],
    ],
    expected: [
      {
        name: 'Löneadministration',
        purpose: 'Utbetalning av löner till anställda',
        bases: ['legal_obligation'],
        subjects: ['Anställda'],
        categories: ['Namn', 'personnummer', 'bankkonto'],
        recipients: ['Skatteverket', 'Försäkringskassan'],
        transfer: null,
        retention: 'P7Y',
      },
      {
        name: 'Nyhetsbrev',
        purpose: 'Utskick av nyhetsbrev till kunder',
        bases: ['consent'],
        subjects: ['Kunder'],
        categories: ['Namn', 'e-postadress'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P18M',
      },
    ],
  },
  {
    lang: 'da',
    headers: [
      'Behandlingsaktivitet',
      'Formål',
      'Behandlingsgrundlag',
      'Kategorier af registrerede',
      'Kategorier af personoplysninger',
      'Modtagere',
      'Overførsel til tredjelande',
      'Garantier',
      'Slettefrist',
      'Sikkerhedsforanstaltninger',
    ],
    rows: [
      [
        'Lønudbetaling',
        'Beregning og udbetaling af løn',
        'Retlig forpligtelse',
        'Medarbejdere',
        'Navn, CPR-nr., kontonummer',
        'Skattestyrelsen',
        'Nej',
        '',
        '5 år',
        'Adgangsstyring',
      ],
      [
        'Kundeservice',
        'Besvarelse af henvendelser fra kunder',
        'Legitim interesse',
        'Kunder',
        'Navn, e-mail',
        'Zendesk',
        'USA',
        'standardkontraktbestemmelser',
        '6 måneder',
        'Kryptering',
      ],
    ],
    expected: [
      {
        name: 'Lønudbetaling',
        purpose: 'Beregning og udbetaling af løn',
        bases: ['legal_obligation'],
        subjects: ['Medarbejdere'],
        categories: ['Navn', 'CPR-nr.', 'kontonummer'],
        recipients: ['Skattestyrelsen'],
        transfer: null,
        retention: 'P5Y',
      },
      {
        name: 'Kundeservice',
        purpose: 'Besvarelse af henvendelser fra kunder',
        bases: ['legitimate_interests'],
        subjects: ['Kunder'],
        categories: ['Navn', 'e-mail'],
        recipients: ['Zendesk'],
        transfer: ['US', 'scc'],
        retention: 'P6M',
      },
    ],
  },
  {
    lang: 'pl',
    headers: [
      'Czynność przetwarzania',
      'Cel przetwarzania',
      'Podstawa prawna',
      'Kategorie osób, których dane dotyczą',
      'Kategorie danych osobowych',
      'Odbiorcy',
      'Przekazanie do państwa trzeciego',
      'Odpowiednie zabezpieczenia',
      'Okres przechowywania',
      'Środki bezpieczeństwa',
    ],
    rows: [
      [
        'Wynagrodzenia',
        'Wypłata wynagrodzeń pracownikom',
        'Obowiązek prawny',
        'Pracownicy',
        'imię i nazwisko, PESEL, numer rachunku',
        'ZUS, Urząd Skarbowy',
        'Nie dotyczy',
        '',
        '5 lat',
        'Kontrola dostępu',
      ],
      [
        'Rekrutacja',
        'Prowadzenie procesu rekrutacji',
        'Zgoda',
        'Kandydaci',
        'imię i nazwisko, adres e-mail',
        'Pracuj.pl',
        'USA',
        'standardowe klauzule umowne',
        '3 miesiące',
        'Szyfrowanie',
      ],
    ],
    expected: [
      {
        name: 'Wynagrodzenia',
        purpose: 'Wypłata wynagrodzeń pracownikom',
        bases: ['legal_obligation'],
        subjects: ['Pracownicy'],
        categories: ['imię i nazwisko', 'PESEL', 'numer rachunku'],
        recipients: ['ZUS', 'Urząd Skarbowy'],
        transfer: null,
        retention: 'P5Y',
      },
      {
        name: 'Rekrutacja',
        purpose: 'Prowadzenie procesu rekrutacji',
        bases: ['consent'],
        subjects: ['Kandydaci'],
        categories: ['imię i nazwisko', 'adres e-mail'],
        recipients: ['Pracuj.pl'],
        transfer: ['US', 'scc'],
        retention: 'P3M',
      },
    ],
  },
  {
    lang: 'cs',
    headers: [
      'Agenda',
      'Účel zpracování',
      'Právní základ',
      'Kategorie subjektů údajů',
      'Kategorie osobních údajů',
      'Příjemci',
      'Předávání do třetích zemí',
      'Záruky',
      'Lhůta pro výmaz',
      'Bezpečnostní opatření',
    ],
    rows: [
      [
        'Evidence obyvatel',
        'Vedení evidence obyvatel obce',
        'Právní povinnost',
        'Obyvatelé obce',
        'jméno a příjmení, datum narození',
        'Ministerstvo vnitra',
        'Žádné',
        '',
        '10 let',
        'Řízení přístupu',
      ],
      ['Kamerový systém', 'Ochrana majetku obce', 'Oprávněný zájem', 'Návštěvníci', 'kamerový záznam', 'Policie ČR', 'Netýká se', '', '7 dní', 'Šifrování'],
    ],
    expected: [
      {
        name: 'Evidence obyvatel',
        purpose: 'Vedení evidence obyvatel obce',
        bases: ['legal_obligation'],
        subjects: ['Obyvatelé obce'],
        categories: ['jméno a příjmení', 'datum narození'],
        recipients: ['Ministerstvo vnitra'],
        transfer: null,
        retention: 'P10Y',
      },
      {
        name: 'Kamerový systém',
        purpose: 'Ochrana majetku obce',
        bases: ['legitimate_interests'],
        subjects: ['Návštěvníci'],
        categories: ['kamerový záznam'],
        recipients: ['Policie ČR'],
        transfer: null,
        retention: 'P7D',
      },
    ],
  },
  {
    lang: 'fi',
    headers: [
      'Käsittelytoimi',
      'Käsittelyn tarkoitus',
      'Käsittelyperuste',
      'Rekisteröityjen ryhmät',
      'Henkilötietoryhmät',
      'Vastaanottajat',
      'Tietojen siirto EU:n tai ETA:n ulkopuolelle',
      'Suojatoimet',
      'Säilytysaika',
      'Turvatoimet',
    ],
    rows: [
      [
        'Palkanlaskenta',
        'Palkkojen maksaminen työntekijöille',
        'Lakisääteinen velvoite',
        'Työntekijät',
        'nimi, henkilötunnus, tilinumero',
        'Verohallinto',
        'Ei',
        '',
        '10 vuotta',
        'Käyttöoikeuksien hallinta',
      ],
      ['Asiakasrekisteri', 'Asiakassuhteen hoitaminen', 'Sopimus', 'Asiakkaat', 'nimi, sähköpostiosoite', 'Salesforce', 'USA', 'vakiosopimuslausekkeet', '3 vuotta', 'Salaus'],
    ],
    expected: [
      {
        name: 'Palkanlaskenta',
        purpose: 'Palkkojen maksaminen työntekijöille',
        bases: ['legal_obligation'],
        subjects: ['Työntekijät'],
        categories: ['nimi', 'henkilötunnus', 'tilinumero'],
        recipients: ['Verohallinto'],
        transfer: null,
        retention: 'P10Y',
      },
      {
        name: 'Asiakasrekisteri',
        purpose: 'Asiakassuhteen hoitaminen',
        bases: ['contract'],
        subjects: ['Asiakkaat'],
        categories: ['nimi', 'sähköpostiosoite'],
        recipients: ['Salesforce'],
        transfer: ['US', 'scc'],
        retention: 'P3Y',
      },
    ],
  },
  {
    lang: 'pt',
    headers: [
      'Atividade de tratamento',
      'Finalidades do tratamento',
      'Fundamento jurídico',
      'Categorias de titulares',
      'Categorias de dados pessoais',
      'Destinatários',
      'Transferências internacionais',
      'Garantias adequadas',
      'Prazo de conservação',
      'Medidas de segurança',
    ],
    rows: [
      [
        'Processamento salarial',
        'Pagamento dos salários aos colaboradores',
        'Obrigação jurídica',
        'Colaboradores',
        'nome, NIF, IBAN',
        'Autoridade Tributária, Segurança Social',
        'Não',
        '',
        '10 anos',
        'Controlo de acessos',
      ],
      ['Newsletter', 'Envio de newsletters aos clientes', 'Consentimento', 'Clientes', 'nome, email', 'Mailchimp', 'USA', 'cláusulas contratuais-tipo', '2 anos', 'Cifragem'],
    ],
    expected: [
      {
        name: 'Processamento salarial',
        purpose: 'Pagamento dos salários aos colaboradores',
        bases: ['legal_obligation'],
        subjects: ['Colaboradores'],
        categories: ['nome', 'NIF', 'IBAN'],
        recipients: ['Autoridade Tributária', 'Segurança Social'],
        transfer: null,
        retention: 'P10Y',
      },
      {
        name: 'Newsletter',
        purpose: 'Envio de newsletters aos clientes',
        bases: ['consent'],
        subjects: ['Clientes'],
        categories: ['nome', 'email'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P2Y',
      },
    ],
  },
];

/**
 * The other EU/EEA languages (issue #20): headers in the wording of Art. 30 of each language's GDPR or a department's
 * shorter word, legal bases in words and in the language's citation style, durations as written ("5 ani", "5 év",
 * "5 έτη"), "no transfer" in the language's words.
 */
const MORE_CASES: Case[] = [
  {
    lang: 'ro',
    notActivities: [
      ['Exemplu: Gestionarea vizitatorilor', 'Înregistrarea vizitatorilor', '', '', '', '', '', '', '', ''],
      ['Total: 2 activități de prelucrare', '', '', '', '', '', '', '', '', ''],
    ],
    headers: [
      'Denumirea activității de prelucrare',
      'Scopurile prelucrării',
      'Temeiul juridic',
      'Categoriile de persoane vizate',
      'Date cu caracter personal',
      'Destinatari',
      'Transferuri către țări terțe',
      'Garanții adecvate',
      'Termen de păstrare',
      'Măsuri de securitate',
    ],
    rows: [
      [
        'Salarizare',
        'Calculul și plata drepturilor salariale',
        'art. 6 alin. (1) lit. c) din RGPD',
        'Angajați',
        'nume, prenume, CNP, IBAN',
        'ANAF, Casa de Pensii',
        'Nu este cazul',
        '',
        '50 de ani',
        'Control acces',
      ],
      // Ş and Ţ written with a cedilla, as older keyboards do: the same letters as ș and ț.
      ['Newsletter', 'Trimiterea newsletterului către clienţi', 'Consimţământ', 'Clienţi', 'nume, e-mail', 'Mailchimp', 'SUA', 'clauze contractuale standard', '2 ani', 'Criptare'],
    ],
    expected: [
      {
        name: 'Salarizare',
        purpose: 'Calculul și plata drepturilor salariale',
        bases: ['legal_obligation'],
        subjects: ['Angajați'],
        categories: ['nume', 'prenume', 'CNP', 'IBAN'],
        recipients: ['ANAF', 'Casa de Pensii'],
        transfer: null,
        retention: 'P50Y',
      },
      {
        name: 'Newsletter',
        purpose: 'Trimiterea newsletterului către clienţi',
        bases: ['consent'],
        subjects: ['Clienţi'],
        categories: ['nume', 'e-mail'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P2Y',
      },
    ],
  },
  {
    lang: 'hu',
    notActivities: [
      ['Példa: Látogatók nyilvántartása', 'Beléptetés', '', '', '', '', '', '', '', ''],
      ['Összesen: 2 adatkezelés', '', '', '', '', '', '', '', '', ''],
    ],
    headers: [
      'Adatkezelés megnevezése',
      'Az adatkezelés céljai',
      'Jogalap',
      'Érintettek köre',
      'Kezelt adatok köre',
      'Címzettek',
      'Harmadik országba történő adattovábbítás',
      'Garanciák',
      'Megőrzési idő',
      'Adatbiztonsági intézkedések',
    ],
    rows: [
      [
        'Bérszámfejtés',
        'A munkabérek kifizetése',
        '6. cikk (1) bekezdés c) pont',
        'Munkavállalók',
        'név, adóazonosító jel, bankszámlaszám',
        'NAV, MÁK',
        'Nincs',
        '',
        '8 év',
        'Hozzáférés-kezelés',
      ],
      [
        'Hírlevél',
        'Hírlevél küldése az ügyfeleknek',
        'Az érintett hozzájárulása',
        'Ügyfelek',
        'név, e-mail-cím',
        'Mailchimp',
        'USA',
        'általános adatvédelmi kikötések',
        '6 hónapig',
        'Titkosítás',
      ],
    ],
    expected: [
      {
        name: 'Bérszámfejtés',
        purpose: 'A munkabérek kifizetése',
        bases: ['legal_obligation'],
        subjects: ['Munkavállalók'],
        categories: ['név', 'adóazonosító jel', 'bankszámlaszám'],
        recipients: ['NAV', 'MÁK'],
        transfer: null,
        retention: 'P8Y',
      },
      {
        name: 'Hírlevél',
        purpose: 'Hírlevél küldése az ügyfeleknek',
        bases: ['consent'],
        subjects: ['Ügyfelek'],
        categories: ['név', 'e-mail-cím'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P6M',
      },
    ],
  },
  {
    lang: 'sk',
    headers: [
      'Názov spracovateľskej činnosti',
      'Účel spracúvania',
      'Právny základ',
      'Kategórie dotknutých osôb',
      'Kategórie osobných údajov',
      'Príjemcovia',
      'Prenos do tretích krajín',
      'Záruky',
      'Lehota uchovávania',
      'Bezpečnostné opatrenia',
    ],
    rows: [
      [
        'Mzdová agenda',
        'Výpočet a výplata miezd',
        'čl. 6 ods. 1 písm. c) GDPR',
        'Zamestnanci',
        'meno a priezvisko, rodné číslo, číslo účtu',
        'Sociálna poisťovňa, daňový úrad',
        'Žiadne',
        '',
        '50 rokov',
        'Riadenie prístupu',
      ],
      ['Kamerový systém', 'Ochrana majetku', 'Oprávnený záujem', 'Návštevníci', 'kamerový záznam', 'Polícia', 'Nie', '', '15 dní', 'Šifrovanie'],
    ],
    expected: [
      {
        name: 'Mzdová agenda',
        purpose: 'Výpočet a výplata miezd',
        bases: ['legal_obligation'],
        subjects: ['Zamestnanci'],
        categories: ['meno a priezvisko', 'rodné číslo', 'číslo účtu'],
        recipients: ['Sociálna poisťovňa', 'daňový úrad'],
        transfer: null,
        retention: 'P50Y',
      },
      {
        name: 'Kamerový systém',
        purpose: 'Ochrana majetku',
        bases: ['legitimate_interests'],
        subjects: ['Návštevníci'],
        categories: ['kamerový záznam'],
        recipients: ['Polícia'],
        transfer: null,
        retention: 'P15D',
      },
    ],
  },
  {
    lang: 'hr',
    headers: [
      'Naziv obrade',
      'Svrha obrade',
      'Pravna osnova',
      'Kategorije ispitanika',
      'Kategorije osobnih podataka',
      'Primatelji',
      // Đ typed without its stroke, as on a keyboard without Croatian letters.
      'Prijenos u trece zemlje ili medunarodne organizacije',
      'Zaštitne mjere',
      'Rok čuvanja',
      'Mjere zaštite',
    ],
    rows: [
      [
        'Obračun plaća',
        'Isplata plaća zaposlenicima',
        'članak 6. stavak 1. točka (c) Opće uredbe',
        'Zaposlenici',
        'ime i prezime, OIB, IBAN',
        'Porezna uprava, HZMO',
        'Nema',
        '',
        '6 godina',
        'Kontrola pristupa',
      ],
      ['Newsletter', 'Slanje newslettera klijentima', 'Privola', 'Klijenti', 'ime, e-mail', 'Mailchimp', 'SAD', 'standardne ugovorne klauzule', '24 mjeseca', 'Enkripcija'],
    ],
    expected: [
      {
        name: 'Obračun plaća',
        purpose: 'Isplata plaća zaposlenicima',
        bases: ['legal_obligation'],
        subjects: ['Zaposlenici'],
        categories: ['ime i prezime', 'OIB', 'IBAN'],
        recipients: ['Porezna uprava', 'HZMO'],
        transfer: null,
        retention: 'P6Y',
      },
      {
        name: 'Newsletter',
        purpose: 'Slanje newslettera klijentima',
        bases: ['consent'],
        subjects: ['Klijenti'],
        categories: ['ime', 'e-mail'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P24M',
      },
    ],
  },
  {
    lang: 'sl',
    headers: [
      'Naziv obdelave',
      'Nameni obdelave',
      'Pravna podlaga',
      'Kategorije posameznikov',
      'Vrste osebnih podatkov',
      'Uporabniki',
      'Prenos v tretje države',
      'Zaščitni ukrepi',
      'Rok hrambe',
      'Varnostni ukrepi',
    ],
    rows: [
      [
        'Obračun plač',
        'Izplačilo plač zaposlenim',
        'člen 6(1)(c) Splošne uredbe',
        'Zaposleni',
        'ime in priimek, davčna številka, TRR',
        'FURS, ZPIZ',
        'Ni prenosa',
        '',
        '10 let',
        'Nadzor dostopa',
      ],
      ['E-novice', 'Pošiljanje e-novic strankam', 'Privolitev posameznika', 'Stranke', 'ime, e-pošta', 'Mailchimp', 'ZDA', 'standardna pogodbena določila', '2 leti', 'Šifriranje'],
    ],
    expected: [
      {
        name: 'Obračun plač',
        purpose: 'Izplačilo plač zaposlenim',
        bases: ['legal_obligation'],
        subjects: ['Zaposleni'],
        categories: ['ime in priimek', 'davčna številka', 'TRR'],
        recipients: ['FURS', 'ZPIZ'],
        transfer: null,
        retention: 'P10Y',
      },
      {
        name: 'E-novice',
        purpose: 'Pošiljanje e-novic strankam',
        bases: ['consent'],
        subjects: ['Stranke'],
        categories: ['ime', 'e-pošta'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P2Y',
      },
    ],
  },
  {
    lang: 'bg',
    notActivities: [
      ['Пример: Регистър на посетителите', 'Контрол на достъпа', '', '', '', '', '', '', '', ''],
      ['Общо: 2 дейности', '', '', '', '', '', '', '', '', ''],
    ],
    headers: [
      'Дейност по обработване',
      'Цели на обработването',
      'Правно основание',
      'Категории субекти на данни',
      'Категории лични данни',
      'Получатели',
      'Предаване на трети държави',
      'Гаранции',
      'Срок на съхранение',
      'Мерки за сигурност',
    ],
    rows: [
      [
        'Изплащане на заплати',
        'Изчисляване и изплащане на трудовите възнаграждения',
        'чл. 6, пар. 1, буква „в“ от ОРЗД',
        'Служители',
        'три имена, ЕГН, IBAN',
        'НАП, НОИ',
        'Няма',
        '',
        '50 години',
        'Контрол на достъпа',
      ],
      ['Бюлетин', 'Изпращане на бюлетин на клиенти', 'Съгласие', 'Клиенти', 'име, имейл', 'Mailchimp', 'САЩ', 'стандартни договорни клаузи', '6 месеца', 'Криптиране'],
    ],
    expected: [
      {
        name: 'Изплащане на заплати',
        purpose: 'Изчисляване и изплащане на трудовите възнаграждения',
        bases: ['legal_obligation'],
        subjects: ['Служители'],
        categories: ['три имена', 'ЕГН', 'IBAN'],
        recipients: ['НАП', 'НОИ'],
        transfer: null,
        retention: 'P50Y',
      },
      {
        name: 'Бюлетин',
        purpose: 'Изпращане на бюлетин на клиенти',
        bases: ['consent'],
        subjects: ['Клиенти'],
        categories: ['име', 'имейл'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P6M',
      },
    ],
  },
  {
    lang: 'el',
    notActivities: [
      ['Παράδειγμα: Αρχείο επισκεπτών', 'Έλεγχος εισόδου', '', '', '', '', '', '', '', ''],
      ['Σύνολο: 2 δραστηριότητες', '', '', '', '', '', '', '', '', ''],
    ],
    headers: [
      'Δραστηριότητα επεξεργασίας',
      'Σκοποί της επεξεργασίας',
      'Νομική βάση',
      'Κατηγορίες υποκειμένων',
      'Κατηγορίες δεδομένων',
      'Αποδέκτες',
      'Διαβίβαση σε τρίτες χώρες',
      'Εγγυήσεις',
      'Χρόνος τήρησης',
      'Μέτρα ασφαλείας',
    ],
    rows: [
      [
        'Μισθοδοσία',
        'Υπολογισμός και καταβολή μισθών',
        "άρθρο 6 παρ. 1 στοιχ. γ' ΓΚΠΔ",
        'Εργαζόμενοι',
        'ονοματεπώνυμο, ΑΦΜ, ΑΜΚΑ',
        'ΑΑΔΕ, e-ΕΦΚΑ',
        'Καμία',
        '',
        '5 έτη',
        'Έλεγχος πρόσβασης',
      ],
      [
        'Ενημερωτικό δελτίο',
        'Αποστολή ενημερωτικού δελτίου σε πελάτες',
        'Συγκατάθεση',
        'Πελάτες',
        'όνομα, email',
        'Mailchimp',
        'ΗΠΑ',
        'τυποποιημένες συμβατικές ρήτρες',
        '18 μήνες',
        'Κρυπτογράφηση',
      ],
    ],
    expected: [
      {
        name: 'Μισθοδοσία',
        purpose: 'Υπολογισμός και καταβολή μισθών',
        bases: ['legal_obligation'],
        subjects: ['Εργαζόμενοι'],
        categories: ['ονοματεπώνυμο', 'ΑΦΜ', 'ΑΜΚΑ'],
        recipients: ['ΑΑΔΕ', 'e-ΕΦΚΑ'],
        transfer: null,
        retention: 'P5Y',
      },
      {
        name: 'Ενημερωτικό δελτίο',
        purpose: 'Αποστολή ενημερωτικού δελτίου σε πελάτες',
        bases: ['consent'],
        subjects: ['Πελάτες'],
        categories: ['όνομα', 'email'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P18M',
      },
    ],
  },
  {
    lang: 'lt',
    notActivities: [
      ['Pavyzdys: Lankytojų registracija', 'Patekimo kontrolė', '', '', '', '', '', '', '', ''],
      ['Iš viso: 2 veiklos', '', '', '', '', '', '', '', '', ''],
    ],
    headers: [
      'Duomenų tvarkymo veikla',
      'Duomenų tvarkymo tikslai',
      'Teisinis pagrindas',
      'Duomenų subjektų kategorijos',
      'Asmens duomenų kategorijos',
      'Duomenų gavėjai',
      'Perdavimas į trečiąsias valstybes',
      'Apsaugos priemonės',
      'Saugojimo terminas',
      'Saugumo priemonės',
    ],
    rows: [
      [
        'Darbo užmokesčio apskaita',
        'Darbo užmokesčio apskaičiavimas ir mokėjimas',
        'BDAR 6 straipsnio 1 dalies c punktas',
        'Darbuotojai',
        'vardas, pavardė, asmens kodas, sąskaitos numeris',
        'VMI, Sodra',
        'Nėra',
        '',
        '10 metų',
        'Prieigos kontrolė',
      ],
      [
        'Naujienlaiškis',
        'Naujienlaiškio siuntimas klientams',
        'Sutikimas',
        'Klientai',
        'vardas, el. paštas',
        'Mailchimp',
        'JAV',
        'standartinės sutarčių sąlygos',
        '6 mėnesius',
        'Šifravimas',
      ],
    ],
    expected: [
      {
        name: 'Darbo užmokesčio apskaita',
        purpose: 'Darbo užmokesčio apskaičiavimas ir mokėjimas',
        bases: ['legal_obligation'],
        subjects: ['Darbuotojai'],
        categories: ['vardas', 'pavardė', 'asmens kodas', 'sąskaitos numeris'],
        recipients: ['VMI', 'Sodra'],
        transfer: null,
        retention: 'P10Y',
      },
      {
        name: 'Naujienlaiškis',
        purpose: 'Naujienlaiškio siuntimas klientams',
        bases: ['consent'],
        subjects: ['Klientai'],
        categories: ['vardas', 'el. paštas'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P6M',
      },
    ],
  },
  {
    lang: 'lv',
    headers: [
      'Apstrādes darbība',
      'Apstrādes nolūki',
      'Tiesiskais pamats',
      'Datu subjektu kategorijas',
      'Personas datu kategorijas',
      'Saņēmēji',
      'Nosūtīšana uz trešajām valstīm',
      'Garantijas',
      'Glabāšanas termiņš',
      'Drošības pasākumi',
    ],
    rows: [
      [
        'Darba samaksas aprēķins',
        'Darba algas aprēķināšana un izmaksa',
        'VDAR 6. panta 1. punkta c) apakšpunkts',
        'Darbinieki',
        'vārds, uzvārds, personas kods, konta numurs',
        'VID, VSAA',
        'Nav',
        '',
        '10 gadus',
        'Piekļuves kontrole',
      ],
      [
        'Jaunumu vēstule',
        'Jaunumu vēstules sūtīšana klientiem',
        'Piekrišana',
        'Klienti',
        'vārds, e-pasts',
        'Mailchimp',
        'ASV',
        'standarta līguma klauzulas',
        '3 mēneši',
        'Šifrēšana',
      ],
    ],
    expected: [
      {
        name: 'Darba samaksas aprēķins',
        purpose: 'Darba algas aprēķināšana un izmaksa',
        bases: ['legal_obligation'],
        subjects: ['Darbinieki'],
        categories: ['vārds', 'uzvārds', 'personas kods', 'konta numurs'],
        recipients: ['VID', 'VSAA'],
        transfer: null,
        retention: 'P10Y',
      },
      {
        name: 'Jaunumu vēstule',
        purpose: 'Jaunumu vēstules sūtīšana klientiem',
        bases: ['consent'],
        subjects: ['Klienti'],
        categories: ['vārds', 'e-pasts'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P3M',
      },
    ],
  },
  {
    lang: 'et',
    headers: [
      'Töötlemistoiming',
      'Töötlemise eesmärk',
      'Õiguslik alus',
      'Andmesubjektide kategooriad',
      'Isikuandmete liigid',
      'Vastuvõtjad',
      'Edastamine kolmandatesse riikidesse',
      'Kaitsemeetmed',
      'Säilitustähtaeg',
      'Turvameetmed',
    ],
    rows: [
      [
        'Palgaarvestus',
        'Töötasu arvutamine ja maksmine',
        'IKÜM artikli 6 lõike 1 punkt c',
        'Töötajad',
        'nimi, isikukood, arveldusarve',
        'Maksu- ja Tolliamet',
        'Puudub',
        '',
        '7 aastat',
        'Juurdepääsu haldus',
      ],
      ['Uudiskiri', 'Uudiskirja saatmine klientidele', 'Nõusolek', 'Kliendid', 'nimi, e-post', 'Mailchimp', 'USA', 'lepingu tüüptingimused', '6 kuud', 'Krüpteerimine'],
    ],
    expected: [
      {
        name: 'Palgaarvestus',
        purpose: 'Töötasu arvutamine ja maksmine',
        bases: ['legal_obligation'],
        subjects: ['Töötajad'],
        categories: ['nimi', 'isikukood', 'arveldusarve'],
        recipients: ['Maksu- ja Tolliamet'],
        transfer: null,
        retention: 'P7Y',
      },
      {
        name: 'Uudiskiri',
        purpose: 'Uudiskirja saatmine klientidele',
        bases: ['consent'],
        subjects: ['Kliendid'],
        categories: ['nimi', 'e-post'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P6M',
      },
    ],
  },
  {
    lang: 'nb',
    notActivities: [
      ['Eksempel: Besøksregistrering', 'Adgangskontroll', '', '', '', '', '', '', '', ''],
      ['Totalt: 2 behandlinger', '', '', '', '', '', '', '', '', ''],
    ],
    headers: [
      'Behandlingsaktivitet',
      'Formålet med behandlingen',
      'Behandlingsgrunnlag',
      'Kategorier registrerte',
      'Kategorier personopplysninger',
      'Mottakere',
      'Overføring til tredjeland',
      'Garantier',
      'Sletting',
      'Sikkerhetstiltak',
    ],
    rows: [
      [
        'Lønnsutbetaling',
        'Beregning og utbetaling av lønn',
        'personvernforordningen art. 6 nr. 1 bokstav c',
        'Ansatte',
        'navn, fødselsnummer, kontonummer',
        'Skatteetaten, NAV',
        'Ingen',
        '',
        '5 år',
        'Tilgangsstyring',
      ],
      ['Nyhetsbrev', 'Utsending av nyhetsbrev til kunder', 'Samtykke', 'Kunder', 'navn, e-post', 'Mailchimp', 'USA', 'EUs standardkontrakter', '2 uker', 'Kryptering'],
    ],
    expected: [
      {
        name: 'Lønnsutbetaling',
        purpose: 'Beregning og utbetaling av lønn',
        bases: ['legal_obligation'],
        subjects: ['Ansatte'],
        categories: ['navn', 'fødselsnummer', 'kontonummer'],
        recipients: ['Skatteetaten', 'NAV'],
        transfer: null,
        retention: 'P5Y',
      },
      {
        name: 'Nyhetsbrev',
        purpose: 'Utsending av nyhetsbrev til kunder',
        bases: ['consent'],
        subjects: ['Kunder'],
        categories: ['navn', 'e-post'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P2W',
      },
    ],
  },
  {
    lang: 'ca',
    headers: [
      'Nom del tractament',
      'Finalitat del tractament',
      'Base jurídica',
      "Categories d'interessats",
      'Categories de dades personals',
      'Destinataris',
      'Transferències internacionals',
      'Garanties',
      'Termini de conservació',
      'Mesures de seguretat',
    ],
    rows: [
      [
        'Nòmines',
        'Gestió de la nòmina del personal',
        'article 6, apartat 1, lletra c) del RGPD',
        'Personal',
        'nom i cognoms, DNI, IBAN',
        'Agència Tributària, Seguretat Social',
        'Cap',
        '',
        '4 anys',
        "Control d'accés",
      ],
      [
        'Butlletí',
        'Enviament del butlletí als clients',
        'Consentiment',
        'Clients',
        'nom, correu electrònic',
        'Mailchimp',
        'EUA',
        'clàusules contractuals tipus',
        '6 mesos',
        'Xifratge',
      ],
    ],
    expected: [
      {
        name: 'Nòmines',
        purpose: 'Gestió de la nòmina del personal',
        bases: ['legal_obligation'],
        subjects: ['Personal'],
        categories: ['nom i cognoms', 'DNI', 'IBAN'],
        recipients: ['Agència Tributària', 'Seguretat Social'],
        transfer: null,
        retention: 'P4Y',
      },
      {
        name: 'Butlletí',
        purpose: 'Enviament del butlletí als clients',
        bases: ['consent'],
        subjects: ['Clients'],
        categories: ['nom', 'correu electrònic'],
        recipients: ['Mailchimp'],
        transfer: ['US', 'scc'],
        retention: 'P6M',
      },
    ],
  },
];

let t: TempRegister;
let dir: string;

beforeAll(async () => {
  t = openTempRegister();
  dir = tempDir('art30-languages-');
  await t.call('organisations/create', { organisation: { name: 'Organisme' } } as never);
});
afterAll(() => {
  t.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const csv = (rows: string[][]) => rows.map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')).join('\r\n') + '\r\n';
const labels = (items: unknown[] | undefined, key: string) => (items ?? []).map((i) => String((i as Record<string, unknown>)[key] ?? ''));

describe('a register written in each of the other EU/EEA languages', () => {
  for (const c of [...CASES, ...MORE_CASES]) {
    it(`${c.lang}: its Art. 30 headers give their fields, its values are read in its words`, async () => {
      const file = path.join(dir, `register-${c.lang}.csv`);
      fs.writeFileSync(file, csv([c.headers, ...(c.notActivities ?? []).slice(0, 1), ...c.rows, ...(c.notActivities ?? []).slice(1)]), 'utf8');
      const p = (await t.call('import/open', { file })) as ImportPreview;
      const sheet = p.sheets.find((s) => s.status === 'imported');
      expect(sheet, `${c.lang}: a table found`).toBeDefined();
      expect(sheet!.headerRow).toBe(1);
      expect(sheet!.columns.map((col) => col.field)).toEqual(FIELDS);
      const rows = p.rows.filter((r) => r.status === 'new');
      expect(rows.map((r) => r.name)).toEqual(c.expected.map((e) => e.name));
      expect(p.rows.filter((r) => r.status === 'skipped').length, `${c.lang}: rows that are not activities`).toBe(c.notActivities?.length ?? 0);
      for (const [i, e] of c.expected.entries()) {
        const a = rows[i].activity!;
        expect(a.purpose, `${c.lang} ${e.name}: purpose`).toBe(e.purpose);
        expect(a.legalBases.map((b) => b.code)).toEqual(e.bases);
        expect(labels(a.dataSubjects, 'label')).toEqual(e.subjects);
        expect(labels(a.dataCategories, 'label')).toEqual(e.categories);
        expect(labels(a.recipients, 'name')).toEqual(e.recipients);
        expect(a.transfers.map((x) => [x.country, x.safeguard])).toEqual(e.transfer ? [e.transfer] : []);
        expect(a.retention.map((r) => r.duration)).toEqual([e.retention]);
      }
      await t.call('import/close', { sessionId: p.sessionId });
    });
  }
});

describe('the six languages’ words, as data', () => {
  it('each file has the structure of the others and is registered', () => {
    const keys = [
      'rows',
      'ticks',
      'untick',
      'registerWords',
      'fields',
      'keywords',
      'legalBases',
      'questions',
      'nothing',
      'dateWords',
      'alerts',
      'safeguards',
      'derogations',
      'durationUnits',
    ];
    for (const lang of ['pt', 'sv', 'da', 'pl', 'cs', 'fi']) {
      const file = LANGUAGES.find((l) => l.language === lang);
      expect(file, lang).toBeDefined();
      for (const k of keys) expect(Object.keys(file!), `${lang} ${k}`).toContain(k);
    }
  });

  it.each([
    ['5 år efter udstedelse', 'P5Y'],
    ['30 dagar', 'P30D'],
    ['3 måneder', 'P3M'],
    ['3 lata', 'P3Y'],
    ['2 tygodnie', 'P2W'],
    ['10 let', 'P10Y'],
    ['7 dní', 'P7D'],
    ['10 vuotta', 'P10Y'],
    ['6 kuukautta', 'P6M'],
    ['14 päivää', 'P14D'],
    ['3 anos', 'P3Y'],
  ])('"%s" is a duration of %s', (text, iso) => {
    expect(parseRetention(text).duration).toBe(iso);
  });

  it.each([
    ['5 år efter udstedelse', 'P5Y', 'udstedelse'],
    ['1 år och 6 månader', 'P1Y6M', ''],
    ['2 lata i 6 miesięcy', 'P2Y6M', ''],
    ['5 lat po zakończeniu umowy', 'P5Y', 'zakończeniu umowy'],
    ['10 let od ukončení pracovního poměru', 'P10Y', 'ukončení pracovního poměru'],
    ['1 vuosi ja 6 kuukautta', 'P1Y6M', ''],
    ['5 anos após o fim do contrato', 'P5Y', 'fim do contrato'],
  ])('"%s": %s from "%s"', (text, iso, trigger) => {
    expect(parseRetention(text)).toMatchObject({ duration: iso, trigger });
  });

  it.each([
    ['Berättigat intresse', 'legitimate_interests'],
    ['Opfyldelse af en kontrakt', 'contract'],
    ['Prawnie uzasadniony interes', 'legitimate_interests'],
    ['Výkon veřejné moci', 'public_task'],
    ['Elintärkeiden etujen suojaaminen', 'vital_interests'],
    ['Exercício da autoridade pública', 'public_task'],
    ['Käsittely perustuu rekisterinpitäjän oikeutettuun etuun', 'legitimate_interests'],
    ['Prawnie uzasadnionego interesu administratora', 'legitimate_interests'],
  ])('Art. 6(1) in words: "%s" → %s', (text, code) => {
    expect(parseLegalBases(text)).toEqual([code]);
  });

  it.each([
    ['Standardavtalsklausuler', 'scc'],
    ['Bindende virksomhedsregler', 'bcr'],
    ['Wiążące reguły korporacyjne', 'bcr'],
    ['Kodex chování', 'code_of_conduct'],
    ['Riittävyyttä koskeva päätös', 'adequacy'],
    ['Cláusulas contratuais-tipo', 'scc'],
  ])('Art. 45/46 in words: "%s" → %s', (text, code) => {
    expect(parseSafeguard(text)?.safeguard).toBe(code);
  });
});

describe('fiche labels in the six languages’ official wording', () => {
  it.each([
    ['Hvad gør vi, hvis der sker et brud på persondatasikkerheden?', 'breaches'],
    ['Personuppgiftsincident', 'breaches'],
    ['Naruszenie ochrony danych osobowych', 'breaches'],
    ['Rekisteröidyn oikeudet', 'rights'],
    ['Direitos dos titulares', 'rights'],
    ['Hvem behandler vi oplysninger om?', 'dataSubjects'],
    ['Hvornår sletter vi personoplysninger?', 'retention'],
    ['6. Förutsedda tidsfristerna för radering av de olika kategorierna av uppgifter', 'retention'],
    ['Henkilötietojen käsittelyn tarkoitus', 'purpose'],
    ['Lhůta pro výmaz', 'retention'],
    // Questions, and letters typed without their diacritic (ø, ł).
    ['Hvor længe opbevares oplysningerne?', 'retention'],
    ['Jak długo przechowujemy dane?', 'retention'],
    ['Proč zpracováváme údaje?', 'purpose'],
    ['Kenelle tietoja luovutetaan?', 'recipients'],
    ['Vems personuppgifter?', 'dataSubjects'],
    ['Quem tem acesso aos dados?', 'recipients'],
    ['Folsomme personoplysninger', 'specialCategories'],
    ['Dzial', 'department'],
    // A processor's register (Art. 30(2)): the controller it acts for, the processing it carries out.
    ['Zleceniodawca', 'clients'],
    ['Den dataansvarlige, på hvis vegne databehandleren handler', 'clients'],
    ['Kategorie zpracování prováděného pro každého ze správců', 'clientProcessing'],
    ['Kunkin rekisterinpitäjän lukuun suoritettavien käsittelyjen ryhmät', 'clientProcessing'],
  ])('"%s" → %s', (label, field) => {
    expect(matchHeader(label).field).toBe(field);
  });
});

describe('Art. 49 derogations in the six languages', () => {
  it.each([
    ['Undtagelse: udtrykkeligt samtykke', 'explicit_consent'],
    ['Undantag – rättsliga anspråk', 'legal_claims'],
    ['Výjimka – veřejný rejstřík', 'public_register'],
    ['Poikkeus: pakottavat oikeutetut edut', 'compelling_legitimate_interests'],
    ['Derrogação – no interesse do titular', 'contract_in_interest_of_data_subject'],
    ['Wyjątek: wyraźna zgoda', 'explicit_consent'],
  ])('"%s" → a derogation, %s', (text, code) => {
    expect(parseSafeguard(text)).toEqual({ safeguard: 'derogation', derogation: code });
  });
});

describe('a Greek workbook: a Greek header row under merged groups, legal bases and data categories ticked', () => {
  it('each ticked header (Greek letters of Art. 6(1), data categories) is a value of its group’s field', async () => {
    const file = path.join(dir, 'register-el.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Αρχείο');
    ws.addRow(['', '', 'Νομική βάση (άρθρο 6 παρ. 1 ΓΚΠΔ)', '', '', '', 'Κατηγορίες δεδομένων', '', 'Ειδικές κατηγορίες δεδομένων', '', '']);
    ws.addRow(['Δραστηριότητα επεξεργασίας', 'Σκοπός', 'α', 'β', 'γ', 'στ', 'Ονοματεπώνυμο', 'ΑΦΜ', 'Δεδομένα υγείας', 'Βιομετρικά δεδομένα', 'Χρόνος τήρησης']);
    // A Greek capital chi (Χ), "ναι" and ✓ tick as an x does.
    ws.addRow(['Μισθοδοσία', 'Καταβολή μισθών', '', 'Χ', 'ναι', '', '✓', 'Χ', '', '', '10 έτη']);
    ws.addRow(['Βιντεοεπιτήρηση', 'Προστασία προσώπων και αγαθών', '', '', '', 'x', 'Χ', '', '', '', '15 ημέρες']);
    ws.addRow(['Ιατρείο εργασίας', 'Παρακολούθηση της υγείας των εργαζομένων', '', '', 'Χ', '', 'Χ', '', 'ναι', '', '3 χρόνια']);
    ws.mergeCells('C1:F1');
    ws.mergeCells('G1:H1');
    ws.mergeCells('I1:J1');
    await wb.xlsx.writeFile(file);
    const p = (await t.call('import/open', { file })) as ImportPreview;
    const sheet = p.sheets.find((x) => x.status === 'imported')!;
    expect(sheet.columns.map((c) => c.field)).toEqual([
      'name',
      'purpose',
      'legalBases',
      'legalBases',
      'legalBases',
      'legalBases',
      'dataCategories',
      'dataCategories',
      'specialCategories',
      'specialCategories',
      'retention',
    ]);
    const rows = p.rows.filter((r) => r.status === 'new').map((r) => r.activity!);
    expect(rows.map((a) => a.name)).toEqual(['Μισθοδοσία', 'Βιντεοεπιτήρηση', 'Ιατρείο εργασίας']);
    expect(rows.map((a) => a.legalBases.map((b) => b.code))).toEqual([['contract', 'legal_obligation'], ['legitimate_interests'], ['legal_obligation']]);
    expect(rows.map((a) => a.dataCategories.map((c) => [c.label, c.special]))).toEqual([
      [
        ['Ονοματεπώνυμο', false],
        ['ΑΦΜ', false],
      ],
      [['Ονοματεπώνυμο', false]],
      [
        ['Ονοματεπώνυμο', false],
        ['Δεδομένα υγείας', true],
      ],
    ]);
    expect(rows.map((a) => a.retention.map((r) => r.duration))).toEqual([['P10Y'], ['P15D'], ['P3Y']]);
    await t.call('import/close', { sessionId: p.sessionId });
  });
});

const MORE = ['ro', 'hu', 'sk', 'hr', 'sl', 'bg', 'el', 'lt', 'lv', 'et', 'nb', 'ca'];

describe('the twelve other EU/EEA languages’ words, as data', () => {
  it('each file has the structure of the others, is registered, and its countries are named by ICU', () => {
    const keys = ['rows', 'ticks', 'untick', 'registerWords', 'fields', 'keywords', 'legalBases', 'questions', 'nothing', 'alerts', 'safeguards', 'derogations', 'durationUnits'];
    for (const lang of MORE) {
      const file = LANGUAGES.find((l) => l.language === lang);
      expect(file, lang).toBeDefined();
      for (const k of keys) expect(Object.keys(file!), `${lang} ${k}`).toContain(k);
      // Every field of Art. 30(1) has words in each language.
      for (const f of FIELDS) expect(file!.fields?.[f]?.length, `${lang} ${f}`).toBeGreaterThan(0);
      for (const code of ['consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests'])
        expect(file!.legalBases?.[code]?.length, `${lang} ${code}`).toBeGreaterThan(0);
    }
    // Germany in each language, from the platform's ICU data ("Germania", "Németország", "Γερμανία", "Германия"…).
    const germany = icuNames().get('DE') ?? [];
    for (const name of ['Germania', 'Németország', 'Nemecko', 'Njemačka', 'Nemčija', 'Германия', 'Γερμανία', 'Vokietija', 'Vācija', 'Saksamaa', 'Tyskland', 'Alemanya'])
      expect(germany, name).toContain(name);
  });

  it.each([
    ['50 de ani', 'P50Y'],
    ['5 ani', 'P5Y'],
    ['6 luni', 'P6M'],
    ['30 de zile', 'P30D'],
    ['5 év', 'P5Y'],
    ['8 évig', 'P8Y'],
    ['6 hónap', 'P6M'],
    ['30 napig', 'P30D'],
    ['5 rokov', 'P5Y'],
    ['2 roky', 'P2Y'],
    ['3 mesiace', 'P3M'],
    ['6 godina', 'P6Y'],
    ['2 mjeseca', 'P2M'],
    ['10 let', 'P10Y'],
    ['2 leti', 'P2Y'],
    ['3 mesece', 'P3M'],
    ['50 години', 'P50Y'],
    ['1 година', 'P1Y'],
    ['6 месеца', 'P6M'],
    ['30 дни', 'P30D'],
    ['5 έτη', 'P5Y'],
    ['3 χρόνια', 'P3Y'],
    ['18 μήνες', 'P18M'],
    ['15 ημέρες', 'P15D'],
    ['10 metų', 'P10Y'],
    ['6 mėnesius', 'P6M'],
    ['10 gadus', 'P10Y'],
    ['3 mēneši', 'P3M'],
    ['7 aastat', 'P7Y'],
    ['6 kuud', 'P6M'],
    ['5 år', 'P5Y'],
    ['2 uker', 'P2W'],
    ['4 anys', 'P4Y'],
    ['6 mesos', 'P6M'],
  ])('"%s" is a duration of %s', (text, iso) => {
    expect(parseRetention(text).duration).toBe(iso);
  });

  it.each([
    ['1 an și 6 luni', 'P1Y6M', ''],
    ['5 ani de la încetarea contractului', 'P5Y', 'încetarea contractului'],
    ['1 év és 6 hónap', 'P1Y6M', ''],
    ['10 rokov od skončenia pracovného pomeru', 'P10Y', 'skončenia pracovného pomeru'],
    ['6 godina nakon prestanka ugovora', 'P6Y', 'prestanka ugovora'],
    ['1 leto in 6 mesecev', 'P1Y6M', ''],
    ['5 години след прекратяване на договора', 'P5Y', 'прекратяване на договора'],
    ['5 έτη μετά τη λήξη της σύμβασης', 'P5Y', 'λήξη της σύμβασης'],
    ['1 έτος και 6 μήνες', 'P1Y6M', ''],
    ['10 metų po sutarties pabaigos', 'P10Y', 'sutarties pabaigos'],
    ['5 gadi pēc līguma beigām', 'P5Y', 'līguma beigām'],
    ['7 aastat pärast lepingu lõppu', 'P7Y', 'lepingu lõppu'],
    ['5 år etter avsluttet arbeidsforhold', 'P5Y', 'avsluttet arbeidsforhold'],
    ['4 anys des de la baixa', 'P4Y', 'baixa'],
  ])('"%s": %s from "%s"', (text, iso, trigger) => {
    expect(parseRetention(text)).toMatchObject({ duration: iso, trigger });
  });

  it.each([
    // Words of Art. 6(1) of each language.
    ['Consimțământul persoanei vizate', ['consent']],
    ['Interes legitim', ['legitimate_interests']],
    ['Jogi kötelezettség teljesítése', ['legal_obligation']],
    ['Közérdekű feladat végrehajtása', ['public_task']],
    ['Plnenie zmluvy', ['contract']],
    ['Legitimni interes voditelja obrade', ['legitimate_interests']],
    ['Izpolnitev zakonske obveznosti', ['legal_obligation']],
    ['Съгласие на субекта на данните', ['consent']],
    ['Легитимен интерес', ['legitimate_interests']],
    ['Έννομο συμφέρον', ['legitimate_interests']],
    ['ΕΚΤΕΛΕΣΗ ΣΥΜΒΑΣΗΣ', ['contract']],
    ['Gyvybiniai interesai', ['vital_interests']],
    ['Juridisks pienākums', ['legal_obligation']],
    ['Avalikes huvides oleva ülesande täitmine', ['public_task']],
    ['Berettiget interesse', ['legitimate_interests']],
    ['Compliment d’una obligació legal', ['legal_obligation']],
    // Each language's citation style; letters of other alphabets (Greek α–στ, Cyrillic а–е).
    ['art. 6 alin. (1) lit. b) din RGPD', ['contract']],
    ['articolul 6 alineatul (1) litera (f)', ['legitimate_interests']],
    ['6. cikk (1) bekezdés b) és c) pont', ['contract', 'legal_obligation']],
    ['čl. 6 ods. 1 písm. b)', ['contract']],
    ['članak 6. stavak 1. točka (b)', ['contract']],
    ['člen 6(1)(b)', ['contract']],
    ['točka (e) člena 6(1) Splošne uredbe', ['public_task']],
    ["άρθρο 6 παρ. 1 στοιχ. β'", ['contract']],
    ['άρθρο 6 παράγραφος 1 στοιχείο στ) ΓΚΠΔ', ['legitimate_interests']],
    ['чл. 6, пар. 1, буква „б“', ['contract']],
    ['член 6, параграф 1, букви „в“ и „д“', ['legal_obligation', 'public_task']],
    ['6 straipsnio 1 dalies b punktas', ['contract']],
    ['6. panta 1. punkta b) apakšpunkts', ['contract']],
    ['artikli 6 lõike 1 punkt b', ['contract']],
    ['art. 6 nr. 1 bokstav b', ['contract']],
    ['article 6, apartat 1, lletra b)', ['contract']],
  ])('Art. 6(1): "%s" → %s', (text, codes) => {
    expect(parseLegalBases(text)).toEqual(codes);
  });

  it('a Cyrillic word that only starts like a basis is not one (word edges of any script)', () => {
    // "Договорености" (arrangements) is not "договор" (contract).
    expect(parseLegalBases('Договорености')).toEqual([]);
    expect(parseLegalBases('Договор')).toEqual(['contract']);
  });

  it.each([
    ['Clauze contractuale standard', 'scc'],
    ['Kötelező erejű vállalati szabályok', 'bcr'],
    ['Rozhodnutie o primeranosti', 'adequacy'],
    ['Standardne ugovorne klauzule', 'scc'],
    ['Zavezujoča poslovna pravila', 'bcr'],
    ['Стандартни договорни клаузи', 'scc'],
    ['Απόφαση επάρκειας', 'adequacy'],
    ['Standartinės sutarčių sąlygos', 'scc'],
    ['Rīcības kodekss', 'code_of_conduct'],
    ['Andmekaitse tüüpklauslid', 'scc'],
    ['Bindende virksomhetsregler', 'bcr'],
    ['Clàusules contractuals tipus', 'scc'],
  ])('Art. 45/46 in words: "%s" → %s', (text, code) => {
    expect(parseSafeguard(text)?.safeguard).toBe(code);
  });

  it.each([
    ['Derogare – consimțământul explicit', 'explicit_consent'],
    ['Eltérés: jogi igények', 'legal_claims'],
    ['Odstupanje – javni registar', 'public_register'],
    ['Дерогация: изрично съгласие', 'explicit_consent'],
    ['Παρέκκλιση – νομικές αξιώσεις', 'legal_claims'],
    ['Unntak: uttrykkelig samtykke', 'explicit_consent'],
  ])('"%s" → a derogation, %s', (text, code) => {
    expect(parseSafeguard(text)).toEqual({ safeguard: 'derogation', derogation: code });
  });

  it.each([
    // Art. 30(1) and 30(2) in each language's official wording, and a department's shorter words.
    ['Scopurile prelucrării', 'purpose'],
    ['Termenele-limită preconizate pentru ștergere', 'retention'],
    ['Az érintettek kategóriái', 'dataSubjects'],
    ['Adatfeldolgozó', 'processors'],
    ['Účely spracúvania', 'purpose'],
    ['Sprostredkovateľ', 'processors'],
    ['Izvršitelj obrade', 'processors'],
    ['Kategorije uporabnikov', 'recipients'],
    ['Обработващ лични данни', 'processors'],
    ['Получатели', 'recipients'],
    ['Εκτελών την επεξεργασία', 'processors'],
    ['ΚΑΤΗΓΟΡΙΕΣ ΑΠΟΔΕΚΤΩΝ', 'recipients'],
    ['Duomenų gavėjai', 'recipients'],
    ['Apstrādātājs', 'processors'],
    ['Volitatud töötleja', 'processors'],
    ['Databehandler', 'processors'],
    ['Encarregat del tractament', 'processors'],
    ['Categoriile de prelucrări efectuate în numele fiecărui operator', 'clientProcessing'],
    ['Az egyes adatkezelők nevében végzett adatkezelési tevékenységek kategóriái', 'clientProcessing'],
    // Questions, in Latin, Greek and Cyrillic letters.
    ['Cât timp păstrăm datele?', 'retention'],
    ['Meddig őrizzük az adatokat?', 'retention'],
    ['Για πόσο χρόνο τηρούνται;', 'retention'],
    ['Колко дълго се съхраняват?', 'retention'],
    ['Hvor lenge lagres opplysningene?', 'retention'],
    // Words cut short, completed from the language's own field words, in every script.
    ['Temei jur.', 'legalBases'],
    ['Érint. köre', 'dataSubjects'],
    ['Kat. osobných údajov', 'dataCategories'],
    ['Κατηγ. δεδομένων', 'dataCategories'],
    ['Μέτρα ασφ.', 'securityMeasures'],
    ['Срок на съхр.', 'retention'],
    ['Tiesiskais pam.', 'legalBases'],
    // Headers worded as sentences: the function words of each language ("των", "на", "za", "az") pass unscored.
    ['Κατηγορίες των υποκειμένων των δεδομένων', 'dataSubjects'],
    ['Категории на субектите на данните', 'dataSubjects'],
    ['Rok za brisanje podataka', 'retention'],
    ['Tehnične in organizacijske varnostne ukrepe', 'securityMeasures'],
    ['Adattovábbítás az EGT-n kívülre', 'transferCountries'],
    ['Az adatok megőrzésének időtartama', 'retention'],
    // "Date cu caracter personal" (Romanian: personal data) is not a date.
    ['Date cu caracter personal', 'dataCategories'],
  ])('"%s" → %s', (label, field) => {
    expect(matchHeader(label).field).toBe(field);
  });
});

describe('combined headers and sheet names in the other scripts and languages', () => {
  it.each([
    ['Σκοπός και νομική βάση', ['Σκοπός', 'νομική βάση']],
    ['Цел и правно основание', ['Цел', 'правно основание']],
    ['Scopul și temeiul juridic', ['Scopul', 'temeiul juridic']],
    ['Az adatkezelés célja és jogalapja', ['Az adatkezelés célja', 'jogalapja']],
    // A word holding the letters of a conjunction is not cut ("Κατηγορίες", "Категории").
    ['Κατηγορίες υποκειμένων', ['Κατηγορίες υποκειμένων']],
    ['Категории лични данни', ['Категории лични данни']],
  ])('"%s" is read part by part: %j', (header, parts) => {
    expect(headerParts(header)).toEqual(parts);
  });

  it('Excel’s default sheet names of each language name no department; a department’s name does', () => {
    for (const name of ['Munka1', 'Foaie1', 'Hárok2', 'List1', 'Лист1', 'Φύλλο1', 'Lapas1', 'Lapa2', 'Leht1', 'Ark1', 'Full1']) expect(isRegisterWord(name), name).toBe(true);
    for (const name of ['Marketing', 'Resurse umane', 'Човешки ресурси', 'Ανθρώπινο δυναμικό']) expect(isRegisterWord(name), name).toBe(false);
  });
});

describe('a yes or a no of any language opening a cell', () => {
  it.each([
    ['Да – САЩ', true],
    ['Ναι: ΗΠΑ', true],
    ['Igen, USA', true],
    ['DA - SUA', true],
    ['NEM - csak EU', false],
    ['Не: само ЕС', false],
    ['Όχι', false],
    ['Taip', true],
    // Without a dash, colon or comma after it, a word that spells yes or no in some language is a name.
    ['Da Vinci Labs', undefined],
    ['Nu Skin', undefined],
  ])('"%s" → %s', (text, yes) => {
    expect(parseYesNo(text)).toBe(yes);
  });
});
