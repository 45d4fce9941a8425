import type { Texts } from '../../config/types';

/** Portuguese: loaded on demand by the script-tag build; missing keys fall back to English. */
const pt: Partial<Texts> = {
  bannerTitle: 'Cookies neste site',
  bannerText:
    'Usamos cookies e tecnologias semelhantes para o login, a segurança e a prevenção de fraudes, e para lembrar suas preferências e idioma.',
  bannerPurposes:
    'Com o seu consentimento, nós e terceiros também os usamos para {purposes}. Você pode alterar sua escolha a qualquer momento.',
  analyticsPurposes: 'análise (análise do site, beacons de visualização de página, registros de uso)',
  advertisingPurposes: 'publicidade (anúncios personalizados, banners de anúncios, rastreamento por anunciantes)',
  listAnd: ' e ',
  listComma: ', ',
  listLastAnd: ' e ',
  acceptAll: 'Aceitar tudo',
  rejectAll: 'Rejeitar tudo',
  customize: 'Personalizar',
  close: 'Fechar',
  privacyPolicy: 'Política de privacidade',
  preferencesTitle: 'Preferências de privacidade',
  preferencesText:
    'Escolha quais cookies e tecnologias semelhantes podemos usar. Os essenciais ficam sempre ativos: sem eles o site não funciona.',
  save: 'Salvar escolhas',
  alwaysOn: 'Sempre ativos',
  services: 'Serviços e cookies',
  cookieProvider: 'Fornecedor',
  cookiePurpose: 'Finalidade',
  cookieDuration: 'Duração',
  consentId: 'ID do consentimento',
  consentDate: 'Data da sua escolha',
  doNotSell: 'Não vender nem compartilhar minhas informações pessoais',
  gpcHonored: 'Pedido de exclusão respeitado',
  reopen: 'Configurações de cookies',
  placeholderText: 'Este conteúdo de {service} está bloqueado até você permitir cookies de {category}.',
  loadOnce: 'Carregar uma vez',
  alwaysAllow: 'Permitir sempre',
  crossBorderTitle: 'Transferência para fora do seu país',
  crossBorderText:
    'Gostaríamos de enviar suas informações pessoais para {recipient}, em {country}, para {purpose}. Dados envolvidos: {data}. Recusar não afeta o restante do site.',
  crossBorderContact: 'Contato do destinatário: {contact}',
  ageQuestion: 'Sua faixa etária',
  ageAdult: '{age} anos ou mais',
  ageMinor: 'Menos de {age} anos',
  minorNote: 'Requer o consentimento dos pais ou responsável',
  essentialTitle: 'Essenciais',
  essentialDescription: 'Login, segurança e prevenção de fraudes, suas preferências e idioma.',
  analyticsTitle: 'Análise',
  analyticsDescription: 'Análise do site por terceiros, beacons de visualização de página e registros de uso.',
  advertisingTitle: 'Publicidade',
  advertisingDescription: 'Anúncios personalizados, banners de anúncios e rastreamento por anunciantes.',
  optOutPurposes: 'Nós e terceiros também os usamos para {purposes}. Você pode se opor a qualquer momento.',
  signalHonored: 'Sinal de exclusão respeitado',
  gpcNotice:
    'Seu navegador envia Global Privacy Control: não vendemos nem compartilhamos seus dados pessoais e a publicidade fica desativada.',
  dntNotice: 'Seu navegador envia Do Not Track: usamos apenas cookies essenciais.',
  signalOverride:
    'O que seu navegador recusa continua desativado, mesmo com “Aceitar tudo”. Ativá-lo nas preferências e salvar substitui o sinal neste site.',
  untilDeleted: 'até ser excluído',
  untilTabClosed: 'até a aba ser fechada',
  sensitiveTitle: 'Informações pessoais sensíveis',
  sensitiveText:
    'Gostaríamos que {recipient} tratasse informações pessoais sensíveis sobre você para {purpose}. Dados envolvidos: {data}. Recusar não afeta o restante do site.',
  provisionTitle: 'Compartilhamento com outra empresa',
  provisionText:
    'Gostaríamos de compartilhar suas informações pessoais com {recipient} para {purpose}. Dados envolvidos: {data}. Recusar não afeta o restante do site.',
  processingMethod: 'Como são tratadas: {method}.',
  exerciseRights: 'Como exercer seus direitos: {rights}.',
  separateNote: 'Solicitado separadamente: “Aceitar tudo” não o ativa.',
  doNotSellText:
    'Nós e terceiros usamos suas informações pessoais para publicidade direcionada, o que a lei considera venda ou compartilhamento. Se você se opuser, paramos neste navegador.',
  optOutConfirm: 'Opor-me',
  optedOut: 'Você se opôs à venda e ao compartilhamento de suas informações pessoais neste navegador.',
  limitSensitive: 'Limitar o uso de minhas informações pessoais sensíveis',
  limitSensitiveText: 'Você pode limitar o uso de suas informações pessoais sensíveis ao necessário para prestar os serviços solicitados.',
  limitConfirm: 'Limitar o uso',
  limited: 'Você limitou o uso de suas informações pessoais sensíveis neste navegador.',
  guardianTitle: 'Pais ou responsável',
  guardianText:
    'Com menos de {age} anos, só os pais ou responsável podem aceitar os cookies opcionais. Pais ou responsável: leiam este aviso e as opções e confirmem.',
  guardianConfirm: 'Sou pai, mãe ou responsável por esta pessoa e aceito as opções feitas aqui',
  ageRequired: 'Responda primeiro à pergunta sobre a idade.',
  guardianRequired: 'Os pais ou responsável precisam confirmar primeiro.',
  sdkCookiePurpose: 'Suas escolhas de privacidade',
  sdkCachePurpose: 'Configurações e textos desta ferramenta de consentimento, guardados após sua escolha',
  sdkReceiptsPurpose: 'Comprovante da sua escolha, até o site recebê-lo',
};

export default pt;
