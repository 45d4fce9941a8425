import type { Texts } from '../../config/types';

/**
 * Simplified Chinese: loaded on demand like the other packs. The loader has its own Chinese for the page
 * texts (reopen button, placeholders: see ../page-texts.ts), so this pack carries only the UI's.
 */
const zh: Partial<Texts> = {
  bannerTitle: '本网站使用 Cookie',
  bannerText: '我们使用 Cookie 和类似技术（如网站信标）来实现登录、保障安全、防范欺诈，并记住您的偏好和语言设置。',
  bannerPurposes: '经您同意，我们和第三方还会将其用于{purposes}。您可以随时更改选择或撤回同意。',
  analyticsPurposes: '分析（第三方站点分析、页面浏览信标、使用日志）',
  advertisingPurposes: '广告（展示个性化广告、广告主跟踪）',
  listAnd: '和',
  listComma: '、',
  listLastAnd: '和',
  acceptAll: '全部接受',
  rejectAll: '全部拒绝',
  customize: '自定义设置',
  close: '关闭',
  privacyPolicy: '隐私政策',
  preferencesTitle: '隐私偏好设置',
  preferencesText: '请选择我们可以使用哪些 Cookie 和类似技术。必要 Cookie 始终开启：没有它们，网站无法正常运行。',
  save: '保存选择',
  alwaysOn: '始终开启',
  services: '服务和 Cookie',
  cookieName: 'Cookie',
  cookieProvider: '提供方',
  cookiePurpose: '用途',
  cookieDuration: '有效期',
  consentId: '同意编号',
  consentDate: '作出选择的时间',
  doNotSell: '请勿出售或共享我的个人信息',
  gpcHonored: '已按您的要求停止出售或共享您的个人信息',
  crossBorderTitle: '向境外提供个人信息',
  crossBorderText:
    '我们希望将您的个人信息提供给位于{country}的{recipient}，用于{purpose}。涉及的个人信息：{data}。拒绝不会影响网站的其他功能。',
  crossBorderContact: '境外接收方联系方式：{contact}',
  ageQuestion: '您的年龄段',
  ageAdult: '已满 {age} 周岁',
  ageMinor: '未满 {age} 周岁',
  minorNote: '需征得父母或其他监护人的同意',
  essentialTitle: '必要',
  essentialDescription: '用于登录、保障安全、防范欺诈，以及记住您的偏好和语言设置。',
  analyticsTitle: '分析',
  analyticsDescription: '第三方站点分析、页面浏览信标和使用日志。',
  advertisingTitle: '广告',
  advertisingDescription: '展示个性化广告以及广告主的跟踪。',
  optOutPurposes: '我们和第三方还将其用于{purposes}。您可以随时拒绝其中任何一项。',
  signalHonored: '已遵从您浏览器发出的隐私偏好信号',
  gpcNotice: '您的浏览器发送了“全球隐私控制”（GPC）信号，因此我们不会出售或共享您的个人信息：广告保持关闭。',
  dntNotice: '您的浏览器发送了“请勿跟踪”（DNT）信号，因此我们仅使用必要 Cookie。',
  signalOverride: '您的浏览器拒绝的内容保持关闭，即使您选择“全部接受”也是如此。在偏好设置中将其开启并保存，即表示您在本网站覆盖该信号。',
  untilDeleted: '直至删除',
  untilTabClosed: '关闭标签页即清除',
};

export default zh;
