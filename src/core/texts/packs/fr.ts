import type { Texts } from '../../config/types';

/** French: loaded on demand by the script-tag build; missing keys fall back to English. */
const fr: Partial<Texts> = {
  bannerTitle: 'Cookies sur ce site',
  bannerText:
    'Nous utilisons des cookies et des technologies similaires pour la connexion, la sécurité et la prévention de la fraude, et pour mémoriser vos préférences et votre langue.',
  bannerPurposes:
    'Avec votre consentement, nous et des tiers les utilisons aussi pour {purposes}. Vous pouvez modifier votre choix à tout moment.',
  analyticsPurposes: 'la mesure d’audience (analyse du site, balises de pages vues, journaux d’utilisation)',
  advertisingPurposes: 'la publicité (annonces personnalisées, bannières publicitaires, suivi par les annonceurs)',
  listAnd: ' et ',
  listComma: ', ',
  listLastAnd: ' et ',
  acceptAll: 'Tout accepter',
  rejectAll: 'Tout refuser',
  customize: 'Personnaliser',
  close: 'Fermer',
  privacyPolicy: 'Politique de confidentialité',
  preferencesTitle: 'Préférences de confidentialité',
  preferencesText:
    'Choisissez les cookies et technologies similaires que nous pouvons utiliser. Les cookies essentiels sont toujours actifs : le site ne peut pas fonctionner sans eux.',
  save: 'Enregistrer mes choix',
  alwaysOn: 'Toujours actifs',
  services: 'Services et cookies',
  cookieProvider: 'Fournisseur',
  cookiePurpose: 'Finalité',
  cookieDuration: 'Durée',
  consentId: 'Identifiant de consentement',
  consentDate: 'Date de votre choix',
  doNotSell: 'Ne pas vendre ni partager mes informations personnelles',
  gpcHonored: 'Demande d’opposition respectée',
  reopen: 'Paramètres des cookies',
  placeholderText: 'Ce contenu de {service} est bloqué tant que vous n’autorisez pas les cookies « {category} ».',
  loadOnce: 'Charger une fois',
  alwaysAllow: 'Toujours autoriser',
  crossBorderTitle: 'Transfert hors de votre pays',
  crossBorderText:
    'Nous souhaitons transmettre vos informations personnelles à {recipient} ({country}) pour {purpose}. Données concernées : {data}. Refuser n’affecte pas le reste du site.',
  crossBorderContact: 'Contact du destinataire : {contact}',
  ageQuestion: 'Votre tranche d’âge',
  ageAdult: '{age} ans ou plus',
  ageMinor: 'Moins de {age} ans',
  minorNote: 'Nécessite le consentement d’un parent ou tuteur',
  essentialTitle: 'Essentiels',
  essentialDescription: 'Connexion, sécurité et prévention de la fraude, vos préférences et votre langue.',
  analyticsTitle: 'Mesure d’audience',
  analyticsDescription: 'Analyse du site par des tiers, balises de pages vues et journaux d’utilisation.',
  advertisingTitle: 'Publicité',
  advertisingDescription: 'Annonces personnalisées, bannières publicitaires et suivi par les annonceurs.',
  optOutPurposes: 'Nous et des tiers les utilisons aussi pour {purposes}. Vous pouvez vous y opposer à tout moment.',
  signalHonored: 'Signal de refus respecté',
  gpcNotice:
    'Votre navigateur envoie Global Privacy Control : nous ne vendons ni ne partageons vos données personnelles, la publicité reste désactivée.',
  dntNotice: 'Votre navigateur envoie Do Not Track : nous n’utilisons que les cookies essentiels.',
  signalOverride:
    'Ce que votre navigateur refuse reste désactivé, même avec « Tout accepter ». L’activer dans les préférences et enregistrer outrepasse le signal sur ce site.',
  untilDeleted: 'jusqu’à sa suppression',
  untilTabClosed: 'jusqu’à la fermeture de l’onglet',
  sensitiveTitle: 'Informations personnelles sensibles',
  sensitiveText:
    'Nous souhaitons que {recipient} traite des informations personnelles sensibles vous concernant pour {purpose}. Données concernées : {data}. Refuser n’affecte pas le reste du site.',
  provisionTitle: 'Communication à une autre entreprise',
  provisionText:
    'Nous souhaitons communiquer vos informations personnelles à {recipient} pour {purpose}. Données concernées : {data}. Refuser n’affecte pas le reste du site.',
  processingMethod: 'Mode de traitement : {method}.',
  exerciseRights: 'Comment exercer vos droits : {rights}.',
  separateNote: 'Demandé séparément : « Tout accepter » ne l’active pas.',
  doNotSellText:
    'Nous et des tiers utilisons vos informations personnelles pour la publicité ciblée, ce que la loi considère comme une vente ou un partage. Si vous vous y opposez, nous arrêtons dans ce navigateur.',
  optOutConfirm: "M'y opposer",
  optedOut: 'Vous vous êtes opposé à la vente et au partage de vos informations personnelles dans ce navigateur.',
  limitSensitive: "Limiter l'utilisation de mes informations personnelles sensibles",
  limitSensitiveText:
    'Vous pouvez limiter notre utilisation de vos informations personnelles sensibles à ce qui est nécessaire pour fournir les services demandés.',
  limitConfirm: "Limiter l'utilisation",
  limited: "Vous avez limité l'utilisation de vos informations personnelles sensibles dans ce navigateur.",
  guardianTitle: 'Parent ou tuteur',
  guardianText:
    'Avant {age} ans, seul un parent ou tuteur peut accepter les cookies facultatifs. Parent ou tuteur : lisez cette information et les choix, puis confirmez.',
  guardianConfirm: 'Je suis le parent ou le tuteur de cette personne et j’accepte les choix faits ici',
  ageRequired: 'Répondez d’abord à la question sur l’âge.',
  guardianRequired: 'Un parent ou tuteur doit d’abord confirmer.',
  sdkCookiePurpose: 'Vos choix de confidentialité',
  sdkCachePurpose: 'Réglages et textes de cet outil de consentement, conservés une fois votre choix fait',
  sdkReceiptsPurpose: 'Preuve de votre choix, jusqu’à sa réception par le site',
};

export default fr;
