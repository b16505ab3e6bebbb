// Every problem code in Simplified Chinese (see problems.ts). Typed against the same table as the
// English, so a code without Chinese words does not compile.
import { MODEL_PROBLEM_ZH } from './model-problem-text';
import type { ProblemMessages, UnreadableReason } from './problems';

const q = (v: string) => `“${v.length > 80 ? v.slice(0, 80) : v}”`;

const DATE_ORDER = { DMY: '日/月/年', MDY: '月/日/年' } as const;
const MONEY = { unit_price: '单价', line_total: '小计', order_total: '订单金额' } as const;
const WHAT = { order: '订单', message: '消息', review: '评价' } as const;

const UNREADABLE: Record<UnreadableReason, (p: { format?: string; sheet?: string; sheets?: string[] }) => string> = {
  folder: () => '这是一个文件夹，不是文件。',
  no_permission: () => '没有打开它的权限（请检查文件权限）。',
  os_error: () => '系统不允许 Patron 读取它。',
  pdf: () => '这是 PDF 文档，不是表格。请在生成它的程序里把表格导出为 CSV 或 XLSX。',
  image: (p) => `这是一张${p.format ? ` ${p.format} ` : ''}图片，不是表格。`,
  archive: (p) => `这是一个${p.format ? ` ${p.format} ` : ''}压缩包。请先解压，再导入里面的 CSV 或 XLSX 文件。`,
  database: () => '这是数据库文件，不是表格。',
  empty_zip: () => '这是一个空的 zip 压缩包，不是工作簿。',
  old_xls: () => '这是旧版 Excel（.xls）工作簿。请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV 后再导入。',
  binary: () => '它既不是表格也不是文本文件（含有二进制数据）。请把表格另存为 CSV 或 XLSX 后再导入。',
  damaged_workbook: () => '工作簿不完整或已损坏（可能没有下载或复制完）。请重新获取一份再试。',
  not_a_workbook: () => '这是 zip 压缩包，但不是 Excel 工作簿。请把表格另存为 .xlsx 或 CSV 后再导入。',
  no_visible_sheet: () => '工作簿里没有可见的工作表。',
  sheet_missing: (p) => `工作簿里没有名为${q(p.sheet ?? '')}的工作表。${p.sheets?.length ? `现有的工作表：${p.sheets.join('、')}。` : ''}`,
  other: () => 'Patron 无法读取这种文件。',
};

export const ZH: ProblemMessages = {
  invalid_input: () => '请检查填写的内容。',
  not_found: () => '该内容已不存在，可能已被删除。',
  filter_invalid: (p) => {
    const what = p.field ? `“${p.field}”` : '某个条件';
    switch (p.reason) {
      case 'unknown_field':
        return `筛选条件用了 Patron 不认识的字段：${what}。`;
      case 'bad_op':
        return `${what}不能用“${p.op ?? '?'}”来比较。`;
      case 'too_deep':
        return '筛选条件嵌套太深（最多三层）。';
      case 'too_many':
        return '筛选条件太多（最多 50 个）。';
      default:
        return `${what}的取值不合适。`;
    }
  },
  list_name_taken: (p) => (p.name ? `已经有名为“${p.name}”的名单了。` : '已经有同名的名单了。'),
  conflict: (p) => (p.customerName ? `客户“${p.customerName}”已在使用。` : '该内容已存在。'),
  db_newer_schema: () => '此数据库由更新版本的 Patron 创建，请先升级 Patron。',
  db_migration_changed: (p) =>
    `此数据库由另一个版本的 Patron 创建${p.tag ? `（其中的升级步骤${q(p.tag)}与当前版本不一致）` : ''}。Patron 没有改动它：请用创建它的版本打开，或从备份恢复。`,
  db_open_failed: () => '无法打开数据库。',
  passphrase_required: () => '此数据库已加密，请输入密码短语后打开。',
  wrong_passphrase: () => '密码短语不正确。数据未做任何更改，请重试。',
  locked: () => 'Patron 已锁定，请输入密码短语解锁。',
  owner_only: (p) => (p.profile ? `“${p.profile}”无权执行此操作，仅店主可以，请联系店主。` : '当前身份无权执行此操作，仅店主可以，请联系店主。'),
  wrong_pin: (p) => (p.profile ? `“${p.profile}”的 PIN 码不正确。` : 'PIN 码不正确。'),
  pin_wait: (p) => (p.seconds ? `PIN 码错误次数过多，请等待 ${p.seconds} 秒后再试。` : 'PIN 码错误次数过多，请稍后再试。'),
  last_owner: () => '还有其他身份时，不能删除最后一位店主或将其改为店员。请先把另一位设为店主，或先删除其他身份。',
  profile_name_taken: (p) => (p.name ? `已有名为“${p.name}”的身份。` : '已有同名的身份。'),
  backup_failed: (p) => `无法写入备份${p.file ? `${q(p.file)}` : ''}${p.reason ? `（${p.reason}）` : ''}。数据未做任何更改。`,
  backup_invalid: (p) =>
    `${p.file ? q(p.file) : '此文件'}${
      p.reason === 'missing' ? '不存在' : p.reason === 'not_database' ? '不是数据库文件' : p.reason === 'not_patron' ? '是数据库，但不是 Patron 的备份' : '已损坏'
    }，无法恢复。没有替换任何数据。`,
  backup_newer_schema: (p) => `此备份由更新版本的 Patron 创建${p.tag ? `（含升级步骤${q(p.tag)}）` : ''}。请先升级 Patron 再恢复。没有替换任何数据。`,
  restore_failed: (p) => `恢复的数据无法打开${p.reason ? `（${p.reason}）` : ''}。已放回原来的数据。`,
  job_unknown_kind: (p) => (p.kind ? `没有名为${q(p.kind)}的任务类型。` : '没有这种任务类型。'),
  job_not_cancellable: () => '该任务已经结束。',
  cancelled: () => '已取消。',
  file_unreadable: (p) => `无法读取${p.file ? q(p.file) : '此文件'}：${UNREADABLE[p.reason ?? 'other'](p)}`,
  file_empty: (p) => {
    const what = `${p.file ? q(p.file) : '此文件'}${p.sheet ? `（工作表${q(p.sheet)}）` : ''}`;
    if (p.reason === 'header_only') return `${what}只有表头${p.line ? `（第 ${p.line} 行）` : ''}，下面没有数据行，没有可导入的内容。`;
    if (p.reason === 'empty') return `${what}是空文件。`;
    return `${what}里没有可导入的数据行。`;
  },
  import_interrupted: () => '导入被中断，未保留任何数据。请重新开始导入。',
  campaign_too_large: (p) => `${p.count !== undefined ? `这里有 ${p.count} 位客户` : '客户太多了'}；每条消息都要您亲自过目，一次活动最多 ${p.max ?? 500} 位。请选一个小一些的名单或分群。`,
  campaign_empty: (p) => (p.leftOut ? `这些客户都无法联系：${p.leftOut} 位客户在任何渠道上都没有同意接收消息，或没有联系方式。` : '这个名单或分群里没有客户。'),
  ...MODEL_PROBLEM_ZH,
  internal: () => '出了点问题。',

  required: () => '此项必填。',
  too_long: (p) => `最多 ${p.max} 个字符。`,
  too_short: (p) => `至少 ${p.min} 个字符。`,
  too_large: (p) => `不能超过 ${p.max}。`,
  not_allowed: () => '这个值不在可选范围内。',
  invalid: () => '格式不正确。',
  email_taken: (p) => (p.customerName ? `客户“${p.customerName}”已在使用此邮箱地址。` : '已有其他客户使用此邮箱地址。'),
  phone_taken: (p) => (p.customerName ? `客户“${p.customerName}”已在使用此电话号码。` : '已有其他客户使用此电话号码。'),

  email_invalid: (p) => `${q(p.value)}不是有效的邮箱地址。`,
  phone_invalid: (p) => `${q(p.value)}不是电话号码（位数太少）。`,
  date_empty: (p) => (p.what === 'order_date' ? '下单时间为空。' : '日期为空。'),
  date_order_mismatch: (p) => `${q(p.value)}与所选的日期顺序（${DATE_ORDER[p.order]}）不符，请检查“日期顺序”设置。`,
  date_not_real: (p) => `${q(p.value)}不是一个真实存在的日期或时间。`,
  date_unparseable: (p) => `无法识别日期${q(p.value)}（请使用 2024-01-05 这样的格式）。`,
  yes_no_invalid: (p) => `${q(p.value)}不是“是”或“否”。`,
  person_missing: () => '这一行没有姓名、邮箱或手机。',
  language_unknown: (p) => `无法识别语言${q(p.value)}（只支持英文或中文）。`,
  customer_key_missing: (p) => `这一行没有客户邮箱或手机，无法确定这条${WHAT[p.what]}属于哪位客户。`,
  customer_unknown: (p) => {
    const who = [p.email && `邮箱是 ${p.email}`, p.phone && `手机是 ${p.phone}`].filter(Boolean).join('或');
    return `没有${who}的客户。请先导入客户，或允许导入时自动创建客户。`;
  },
  feedback_kind_unknown: (p) => `无法识别反馈类型${q(p.value)}（应为评价、投诉或问卷）。`,
  rating_invalid: (p) => `评分${q(p.value)}不是星级数字。`,
  rating_out_of_range: (p) => `评分 ${p.value} 不在 1 到 5 星之间。`,
  nps_invalid: (p) => `推荐度${q(p.value)}不是整数。`,
  nps_out_of_range: (p) => `推荐度 ${p.value} 不在 0 到 10 之间。`,
  feedback_empty: () => '这一行没有评分、推荐度或内容。',
  message_empty: () => '消息内容为空。',
  channel_unknown: (p) => `无法识别渠道${q(p.value)}（应为邮件、电话、短信、微信、WhatsApp、社交媒体或当面）。`,
  direction_unknown: (p) => `${q(p.value)}既不是“客户发来”也不是“发给客户”。`,
  amount_invalid: (p) => `${q(p.value)}不是金额。`,
  amount_negative: (p) => `${MONEY[p.what]}为负数（${p.value}）。`,
  order_no_empty: () => '订单号为空。',
  order_status_unknown: (p) => `无法识别订单状态${q(p.value)}（应为已付款、已退款或已取消）。`,
  product_empty: () => '商品为空。',
  quantity_invalid: (p) => `数量${q(p.value)}不是整数。`,
  quantity_negative: (p) => `数量为负数（${p.value}）。`,
  quantity_zero: () => '数量为 0。',
  price_missing: () => '这一行没有价格。',
  amount_missing: () => '这笔订单没有金额。',
  currency_invalid: (p) => `${q(p.value)}不是币种代码（例如 CNY 或 USD）。`,
  order_line_rejected: (p) => `订单 ${p.orderNo} 的第 ${p.line} 行有问题，所以整笔订单没有导入；请改正那一行后重新导入整笔订单。`,
  row_too_wide: (p) => `这一行有 ${p.values} 个值，但表头只有 ${p.columns} 列；可能某个值里有未加引号的分隔符（例如“1,299.00”里的逗号）。`,
  quote_unclosed: () => '这一行有一个引号（"）没有闭合，无法判断这一行在哪里结束，后面的内容都被读进了这一行。请修正引号后重新导入。',
  quote_stray: () => '这一行的某个值在结束引号后还有多余的引号；值里面的引号需要写成两个（""）。',
};
