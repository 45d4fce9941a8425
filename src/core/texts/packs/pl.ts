import type { Texts } from '../../config/types';

/** Polish: loaded on demand by the script-tag build; missing keys fall back to English. */
const pl: Partial<Texts> = {
  bannerTitle: 'Pliki cookie w tym serwisie',
  bannerText:
    'Używamy plików cookie i podobnych technologii do logowania, zapewnienia bezpieczeństwa i zapobiegania oszustwom oraz do zapamiętania Twoich preferencji i języka.',
  bannerPurposes:
    'Za Twoją zgodą my i podmioty trzecie używamy ich także do takich celów jak {purposes}. Możesz w każdej chwili zmienić swój wybór.',
  analyticsPurposes: 'analityka (analiza serwisu, sygnały odsłon stron, dzienniki użytkowania)',
  advertisingPurposes: 'reklama (spersonalizowane reklamy, banery reklamowe, śledzenie przez reklamodawców)',
  listAnd: ' i ',
  listComma: ', ',
  listLastAnd: ' i ',
  acceptAll: 'Akceptuj wszystkie',
  rejectAll: 'Odrzuć wszystkie',
  customize: 'Dostosuj',
  close: 'Zamknij',
  privacyPolicy: 'Polityka prywatności',
  preferencesTitle: 'Ustawienia prywatności',
  preferencesText:
    'Wybierz, których plików cookie i podobnych technologii możemy używać. Niezbędne są zawsze włączone: bez nich serwis nie działa.',
  save: 'Zapisz wybór',
  alwaysOn: 'Zawsze włączone',
  services: 'Usługi i pliki cookie',
  cookieName: 'Plik cookie',
  cookieProvider: 'Dostawca',
  cookiePurpose: 'Cel',
  cookieDuration: 'Okres przechowywania',
  consentId: 'Identyfikator zgody',
  consentDate: 'Data wyboru',
  doNotSell: 'Nie sprzedawaj ani nie udostępniaj moich danych osobowych',
  gpcHonored: 'Sprzeciw (opt-out) uwzględniony',
  reopen: 'Ustawienia plików cookie',
  placeholderText: 'Ta treść od {service} jest zablokowana, dopóki nie zezwolisz na pliki cookie kategorii {category}.',
  loadOnce: 'Wczytaj raz',
  alwaysAllow: 'Zawsze zezwalaj',
  crossBorderTitle: 'Przekazanie danych za granicę',
  crossBorderText:
    'Chcemy przekazać Twoje dane osobowe odbiorcy: {recipient} ({country}) w celu: {purpose}. Dane, których to dotyczy: {data}. Odmowa nie wpływa na resztę serwisu.',
  crossBorderContact: 'Kontakt z odbiorcą: {contact}',
  ageQuestion: 'Twoja grupa wiekowa',
  ageAdult: '{age} lat lub więcej',
  ageMinor: 'Poniżej {age} lat',
  minorNote: 'Wymaga zgody rodzica lub opiekuna',
  essentialTitle: 'Niezbędne',
  essentialDescription: 'Logowanie, bezpieczeństwo i zapobieganie oszustwom, Twoje preferencje i język.',
  analyticsTitle: 'Analityczne',
  analyticsDescription: 'Analiza serwisu przez podmioty trzecie, sygnały odsłon stron i dzienniki użytkowania.',
  advertisingTitle: 'Reklamowe',
  advertisingDescription: 'Spersonalizowane reklamy, banery reklamowe i śledzenie przez reklamodawców.',
  optOutPurposes: 'My i podmioty trzecie używamy ich także do takich celów jak {purposes}. Możesz w każdej chwili się sprzeciwić.',
  signalHonored: 'Sygnał sprzeciwu uwzględniony',
  gpcNotice:
    'Twoja przeglądarka wysyła Global Privacy Control: nie sprzedajemy ani nie udostępniamy Twoich danych osobowych, reklamy pozostają wyłączone.',
  dntNotice: 'Twoja przeglądarka wysyła Do Not Track: używamy tylko niezbędnych plików cookie.',
  signalOverride:
    'To, czego odmawia przeglądarka, pozostaje wyłączone, także po „Akceptuj wszystkie”. Włączenie tego w ustawieniach i zapisanie zastępuje sygnał w tej witrynie.',
  untilDeleted: 'do usunięcia',
  untilTabClosed: 'do zamknięcia karty',
  sensitiveTitle: 'Wrażliwe dane osobowe',
  sensitiveText:
    'Chcemy, aby {recipient} przetwarzał Twoje wrażliwe dane osobowe w celu: {purpose}. Dane, których to dotyczy: {data}. Odmowa nie wpływa na resztę serwisu.',
  provisionTitle: 'Udostępnienie innej firmie',
  provisionText:
    'Chcemy udostępnić Twoje dane osobowe odbiorcy: {recipient} w celu: {purpose}. Dane, których to dotyczy: {data}. Odmowa nie wpływa na resztę serwisu.',
  processingMethod: 'Sposób przetwarzania: {method}.',
  exerciseRights: 'Jak skorzystać ze swoich praw: {rights}.',
  separateNote: 'Zgoda udzielana osobno: „Akceptuj wszystkie” jej nie włącza.',
  doNotSellText:
    'My i podmioty trzecie wykorzystujemy Twoje dane osobowe do reklamy ukierunkowanej, co prawo uznaje za sprzedaż lub udostępnianie. Jeśli się sprzeciwisz, przestaniemy w tej przeglądarce.',
  optOutConfirm: 'Sprzeciwiam się',
  optedOut: 'Sprzeciwiono się sprzedaży i udostępnianiu Twoich danych osobowych w tej przeglądarce.',
  limitSensitive: 'Ogranicz wykorzystanie moich wrażliwych danych osobowych',
  limitSensitiveText:
    'Możesz ograniczyć wykorzystanie Twoich wrażliwych danych osobowych do tego, co niezbędne do świadczenia usług, o które prosisz.',
  limitConfirm: 'Ogranicz wykorzystanie',
  limited: 'Ograniczono wykorzystanie Twoich wrażliwych danych osobowych w tej przeglądarce.',
  guardianTitle: 'Rodzic lub opiekun',
  guardianText:
    'Poniżej {age} lat tylko rodzic lub opiekun może zgodzić się na opcjonalne pliki cookie. Rodzicu lub opiekunie: przeczytaj tę informację i wybory, a następnie potwierdź.',
  guardianConfirm: 'Jestem rodzicem lub opiekunem tej osoby i zgadzam się na dokonane tu wybory',
  ageRequired: 'Najpierw odpowiedz na pytanie o wiek.',
  guardianRequired: 'Najpierw musi potwierdzić rodzic lub opiekun.',
  sdkCookiePurpose: 'Twoje wybory dotyczące prywatności',
  sdkCachePurpose: 'Ustawienia i teksty tego narzędzia zgody, zapisane po dokonaniu wyboru',
  sdkReceiptsPurpose: 'Dowód Twojego wyboru, do czasu odebrania go przez witrynę',
};

export default pl;
