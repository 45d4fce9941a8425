import type { Texts } from '../../config/types';

/** Spanish: loaded on demand by the script-tag build; missing keys fall back to English. */
const es: Partial<Texts> = {
  bannerTitle: 'Cookies en este sitio',
  bannerText:
    'Usamos cookies y tecnologías similares para el inicio de sesión, la seguridad y la prevención del fraude, y para recordar sus preferencias e idioma.',
  bannerPurposes:
    'Con su consentimiento, nosotros y terceros también las usamos para {purposes}. Puede cambiar su elección en cualquier momento.',
  analyticsPurposes: 'analítica (análisis del sitio, balizas de páginas vistas, registros de uso)',
  advertisingPurposes: 'publicidad (anuncios personalizados, banners publicitarios, seguimiento por anunciantes)',
  listAnd: ' y ',
  listComma: ', ',
  listLastAnd: ' y ',
  acceptAll: 'Aceptar todo',
  rejectAll: 'Rechazar todo',
  customize: 'Personalizar',
  close: 'Cerrar',
  privacyPolicy: 'Política de privacidad',
  preferencesTitle: 'Preferencias de privacidad',
  preferencesText:
    'Elija qué cookies y tecnologías similares podemos usar. Las esenciales están siempre activas: el sitio no funciona sin ellas.',
  save: 'Guardar selección',
  alwaysOn: 'Siempre activas',
  services: 'Servicios y cookies',
  cookieProvider: 'Proveedor',
  cookiePurpose: 'Finalidad',
  cookieDuration: 'Duración',
  consentId: 'ID de consentimiento',
  consentDate: 'Fecha de su elección',
  doNotSell: 'No vender ni compartir mi información personal',
  gpcHonored: 'Solicitud de exclusión respetada',
  reopen: 'Configuración de cookies',
  placeholderText: 'Este contenido de {service} está bloqueado hasta que permita las cookies de {category}.',
  loadOnce: 'Cargar una vez',
  alwaysAllow: 'Permitir siempre',
  crossBorderTitle: 'Transferencia fuera de su país',
  crossBorderText:
    'Queremos enviar su información personal a {recipient}, en {country}, para {purpose}. Datos afectados: {data}. Si lo rechaza, el resto del sitio no se ve afectado.',
  crossBorderContact: 'Contacto del destinatario: {contact}',
  ageQuestion: 'Su grupo de edad',
  ageAdult: '{age} años o más',
  ageMinor: 'Menos de {age} años',
  minorNote: 'Requiere el consentimiento de su madre, padre o tutor',
  essentialTitle: 'Esenciales',
  essentialDescription: 'Inicio de sesión, seguridad y prevención del fraude, sus preferencias e idioma.',
  analyticsTitle: 'Analítica',
  analyticsDescription: 'Análisis del sitio por terceros, balizas de páginas vistas y registros de uso.',
  advertisingTitle: 'Publicidad',
  advertisingDescription: 'Anuncios personalizados, banners publicitarios y seguimiento por anunciantes.',
  optOutPurposes: 'Nosotros y terceros también las usamos para {purposes}. Puede oponerse en cualquier momento.',
  signalHonored: 'Señal de exclusión respetada',
  gpcNotice:
    'Su navegador envía Global Privacy Control: no vendemos ni compartimos sus datos personales y la publicidad queda desactivada.',
  dntNotice: 'Su navegador envía Do Not Track: solo usamos cookies esenciales.',
  signalOverride:
    'Lo que su navegador rechaza sigue desactivado, incluso con «Aceptar todo». Activarlo en las preferencias y guardar anula la señal en este sitio.',
  untilDeleted: 'hasta que se borre',
  untilTabClosed: 'hasta cerrar la pestaña',
  sensitiveTitle: 'Información personal sensible',
  sensitiveText:
    'Queremos que {recipient} trate información personal sensible sobre usted para {purpose}. Datos afectados: {data}. Si lo rechaza, el resto del sitio no se ve afectado.',
  provisionTitle: 'Cesión a otra empresa',
  provisionText:
    'Queremos ceder su información personal a {recipient} para {purpose}. Datos afectados: {data}. Si lo rechaza, el resto del sitio no se ve afectado.',
  processingMethod: 'Cómo se trata: {method}.',
  exerciseRights: 'Cómo ejercer sus derechos: {rights}.',
  separateNote: 'Se pide por separado: «Aceptar todo» no lo activa.',
  doNotSellText:
    'Nosotros y terceros usamos su información personal para publicidad dirigida, lo que la ley considera venta o intercambio. Si se opone, dejamos de hacerlo en este navegador.',
  optOutConfirm: 'Oponerme',
  optedOut: 'Se ha opuesto a la venta y el intercambio de su información personal en este navegador.',
  limitSensitive: 'Limitar el uso de mi información personal confidencial',
  limitSensitiveText:
    'Puede limitar nuestro uso de su información personal confidencial a lo necesario para prestar los servicios que solicita.',
  limitConfirm: 'Limitar el uso',
  limited: 'Ha limitado el uso de su información personal confidencial en este navegador.',
  guardianTitle: 'Madre, padre o tutor',
  guardianText:
    'Si tiene menos de {age} años, solo su madre, padre o tutor puede aceptar las cookies opcionales. Madre, padre o tutor: lea este aviso y las opciones, y confirme.',
  guardianConfirm: 'Soy la madre, el padre o el tutor de esta persona y acepto las opciones elegidas aquí',
  ageRequired: 'Responda primero a la pregunta sobre la edad.',
  guardianRequired: 'Primero debe confirmarlo su madre, padre o tutor.',
  sdkCookiePurpose: 'Sus preferencias de privacidad',
  sdkCachePurpose: 'Configuración y textos de esta herramienta de consentimiento, guardados tras su elección',
  sdkReceiptsPurpose: 'Prueba de su elección, hasta que el sitio la reciba',
};

export default es;
