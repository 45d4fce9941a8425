import type { Texts } from '../../config/types';

/** Italian: loaded on demand by the script-tag build; missing keys fall back to English. */
const it: Partial<Texts> = {
  bannerTitle: 'Cookie su questo sito',
  bannerText:
    'Utilizziamo cookie e tecnologie simili per l’accesso, la sicurezza e la prevenzione delle frodi, e per ricordare le tue preferenze e la lingua.',
  bannerPurposes:
    'Con il tuo consenso, noi e terze parti li utilizziamo anche per {purposes}. Puoi modificare la tua scelta in qualsiasi momento.',
  analyticsPurposes: 'statistiche (analisi del sito, beacon delle pagine visualizzate, log di utilizzo)',
  advertisingPurposes: 'pubblicità (annunci personalizzati, banner pubblicitari, tracciamento da parte degli inserzionisti)',
  listAnd: ' e ',
  listComma: ', ',
  listLastAnd: ' e ',
  acceptAll: 'Accetta tutto',
  rejectAll: 'Rifiuta tutto',
  customize: 'Personalizza',
  close: 'Chiudi',
  privacyPolicy: 'Informativa sulla privacy',
  preferencesTitle: 'Preferenze sulla privacy',
  preferencesText:
    'Scegli quali cookie e tecnologie simili possiamo utilizzare. Quelli essenziali sono sempre attivi: senza di essi il sito non funziona.',
  save: 'Salva le scelte',
  alwaysOn: 'Sempre attivi',
  services: 'Servizi e cookie',
  cookieProvider: 'Fornitore',
  cookiePurpose: 'Finalità',
  cookieDuration: 'Durata',
  consentId: 'ID del consenso',
  consentDate: 'Data della scelta',
  doNotSell: 'Non vendere né condividere le mie informazioni personali',
  gpcHonored: 'Richiesta di opposizione rispettata',
  reopen: 'Impostazioni cookie',
  placeholderText: 'Questo contenuto di {service} è bloccato finché non consenti i cookie «{category}».',
  loadOnce: 'Carica una volta',
  alwaysAllow: 'Consenti sempre',
  crossBorderTitle: 'Trasferimento all’estero',
  crossBorderText:
    'Vorremmo inviare i tuoi dati personali a {recipient} ({country}) per {purpose}. Dati interessati: {data}. Il rifiuto non influisce sul resto del sito.',
  crossBorderContact: 'Contatto del destinatario: {contact}',
  ageQuestion: 'La tua fascia d’età',
  ageAdult: '{age} anni o più',
  ageMinor: 'Meno di {age} anni',
  minorNote: 'Richiede il consenso di un genitore o tutore',
  essentialTitle: 'Essenziali',
  essentialDescription: 'Accesso, sicurezza e prevenzione delle frodi, preferenze e lingua.',
  analyticsTitle: 'Statistiche',
  analyticsDescription: 'Analisi del sito da parte di terzi, beacon delle pagine visualizzate e log di utilizzo.',
  advertisingTitle: 'Pubblicità',
  advertisingDescription: 'Annunci personalizzati, banner pubblicitari e tracciamento da parte degli inserzionisti.',
  optOutPurposes: 'Noi e terze parti li utilizziamo anche per {purposes}. Puoi opporti in qualsiasi momento.',
  signalHonored: 'Segnale di opposizione rispettato',
  gpcNotice:
    'Il tuo browser invia Global Privacy Control: non vendiamo né condividiamo i tuoi dati personali e la pubblicità resta disattivata.',
  dntNotice: 'Il tuo browser invia Do Not Track: usiamo solo i cookie essenziali.',
  signalOverride:
    'Ciò che il tuo browser rifiuta resta disattivato, anche con «Accetta tutto». Attivarlo nelle preferenze e salvare prevale sul segnale su questo sito.',
  untilDeleted: 'fino alla cancellazione',
  untilTabClosed: 'fino alla chiusura della scheda',
  sensitiveTitle: 'Dati personali sensibili',
  sensitiveText:
    'Vorremmo che {recipient} trattasse dati personali sensibili che ti riguardano per {purpose}. Dati interessati: {data}. Il rifiuto non influisce sul resto del sito.',
  provisionTitle: 'Comunicazione a un’altra società',
  provisionText:
    'Vorremmo comunicare i tuoi dati personali a {recipient} per {purpose}. Dati interessati: {data}. Il rifiuto non influisce sul resto del sito.',
  processingMethod: 'Modalità di trattamento: {method}.',
  exerciseRights: 'Come esercitare i tuoi diritti: {rights}.',
  separateNote: 'Richiesto a parte: «Accetta tutto» non lo attiva.',
  doNotSellText:
    'Noi e terze parti usiamo le tue informazioni personali per la pubblicità mirata, che la legge considera vendita o condivisione. Se ti opponi, smettiamo in questo browser.',
  optOutConfirm: 'Mi oppongo',
  optedOut: 'Ti sei opposto alla vendita e alla condivisione delle tue informazioni personali in questo browser.',
  limitSensitive: "Limita l'uso delle mie informazioni personali sensibili",
  limitSensitiveText: "Puoi limitare l'uso delle tue informazioni personali sensibili a quanto necessario per fornire i servizi richiesti.",
  limitConfirm: "Limita l'uso",
  limited: "Hai limitato l'uso delle tue informazioni personali sensibili in questo browser.",
  guardianTitle: 'Genitore o tutore',
  guardianText:
    'Sotto i {age} anni solo un genitore o tutore può accettare i cookie facoltativi. Genitore o tutore: legga questa informativa e le scelte, poi confermi.',
  guardianConfirm: 'Sono il genitore o tutore di questa persona e accetto le scelte fatte qui',
  ageRequired: 'Risponda prima alla domanda sull’età.',
  guardianRequired: 'Prima deve confermare un genitore o tutore.',
  sdkCookiePurpose: 'Le sue scelte sulla privacy',
  sdkCachePurpose: 'Impostazioni e testi di questo strumento di consenso, conservati dopo la sua scelta',
  sdkReceiptsPurpose: 'Prova della sua scelta, finché il sito non la riceve',
};

export default it;
