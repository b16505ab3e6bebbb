// What each kind of import can fill: the field keys a mapping uses, which are required, and the
// header names (English and Chinese) that suggest them. The UI translates labels by key
// (import.field.<kind>.<key>); `label`/`labelZh` are the fallbacks.
import { IMPORT_KINDS, type ImportKind } from '../../shared/import-settings';
export { IMPORT_KINDS, type ImportKind };

export interface FieldDef {
  key: string;
  label: string;
  labelZh: string;
  /** Header names that map to this field, compared after normalising (case, spaces, punctuation). */
  synonyms: string[];
}

/** Field sets where at least one must be mapped, with the message when none is. */
export interface Requirement {
  anyOf: string[];
  message: string;
}

export interface KindDef {
  fields: FieldDef[];
  requires: Requirement[];
}

const f = (key: string, label: string, labelZh: string, synonyms: string[]): FieldDef => ({ key, label, labelZh, synonyms: [key, label, labelZh, ...synonyms] });

const customerKeyFields = (prefix: 'customer_' | '') => [
  f(`${prefix}name`, prefix ? 'Customer name' : 'Name', prefix ? '客户姓名' : '姓名', [
    'name', 'full name', 'customer', 'customer name', 'client', 'client name', 'contact', 'contact name', 'buyer', 'buyer name', 'recipient',
    '姓名', '名字', '客户', '客户名', '客户名称', '客户姓名', '联系人', '买家', '买家姓名', '收货人', '会员', '会员名', '昵称', '顾客', '用户名',
  ]),
  f(`${prefix}email`, prefix ? 'Customer email' : 'Email', prefix ? '客户邮箱' : '邮箱', [
    'email', 'e-mail', 'email address', 'mail', 'customer email', 'buyer email', '邮箱', '邮件', '电子邮件', '电子邮箱', '邮箱地址', '客户邮箱', 'email地址',
  ]),
  f(`${prefix}phone`, prefix ? 'Customer phone' : 'Phone', prefix ? '客户手机' : '手机', [
    'phone', 'phone number', 'mobile', 'mobile phone', 'cell', 'cellphone', 'tel', 'telephone', 'contact number', 'whatsapp', 'customer phone', 'buyer phone',
    '手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', '联系方式', '移动电话', '客户手机', '收货人电话', '收货人手机', '买家手机',
  ]),
];

export const KINDS: Record<ImportKind, KindDef> = {
  customers: {
    fields: [
      ...customerKeyFields(''),
      f('company', 'Company', '公司', ['company', 'company name', 'organization', 'organisation', 'business', 'employer', '公司', '公司名称', '单位', '企业', '工作单位']),
      f('city', 'City', '城市', ['city', 'town', 'location', '城市', '所在城市', '市', '地区', '所在地']),
      f('country', 'Country', '国家', ['country', 'country/region', 'nation', '国家', '国家/地区', '国籍']),
      f('language', 'Language', '语言', ['language', 'lang', 'locale', '语言']),
      f('tags', 'Tags', '标签', ['tags', 'tag', 'labels', 'groups', 'segment', '标签', '分组', '客户标签', '客户分组']),
      f('note', 'Note', '备注', ['note', 'notes', 'remark', 'remarks', 'comment', 'comments', 'memo', '备注', '说明', '备忘']),
      f('created_at', 'Customer since', '注册时间', ['created', 'created at', 'signup date', 'joined', 'registered', 'customer since', '注册时间', '创建时间', '加入时间', '注册日期']),
      f('consent_email', 'Email consent', '同意邮件', ['email consent', 'email opt in', 'newsletter', 'subscribed', '同意邮件', '邮件订阅', '订阅邮件']),
      f('consent_sms', 'SMS consent', '同意短信', ['sms consent', 'sms opt in', '同意短信', '短信订阅', '接收短信']),
      f('consent_wechat', 'WeChat consent', '同意微信', ['wechat consent', '同意微信', '微信订阅', '接收微信']),
    ],
    requires: [{ anyOf: ['name', 'email', 'phone'], message: 'Map at least one of Name, Email or Phone.' }],
  },
  orders: {
    fields: [
      f('order_no', 'Order number', '订单号', ['order', 'order no', 'order number', 'order id', 'order #', 'order#', 'invoice', 'invoice no', 'receipt no', 'transaction id',
        '订单号', '订单编号', '订单', '订单id', '单号', '交易号', '流水号']),
      f('ordered_at', 'Order date', '下单时间', ['date', 'order date', 'ordered at', 'order time', 'purchase date', 'created at', 'paid at', 'payment time', 'transaction date',
        '下单时间', '下单日期', '订单日期', '订单时间', '日期', '时间', '付款时间', '支付时间', '交易时间', '创建时间', '购买时间', '成交时间']),
      ...customerKeyFields('customer_'),
      f('product_sku', 'Product SKU', '商品编码', ['sku', 'product sku', 'product code', 'item code', 'article', 'product id', 'barcode',
        '商品编码', '商品编号', '货号', '商品id', '产品编码', '产品编号', 'sku编码', '条码', '商家编码']),
      f('product_name', 'Product', '商品名称', ['product', 'product name', 'item', 'item name', 'description', 'title', 'goods',
        '商品', '商品名称', '商品名', '产品', '产品名称', '品名', '宝贝名称', '宝贝标题', '商品标题']),
      f('quantity', 'Quantity', '数量', ['quantity', 'qty', 'count', 'units', 'amount ordered', 'pcs', '数量', '购买数量', '件数', '商品数量']),
      f('unit_price', 'Unit price', '单价', ['price', 'unit price', 'item price', 'price each', 'unit cost', 'rate', '单价', '价格', '商品单价', '售价', '销售单价']),
      f('line_total', 'Line total', '小计', ['line total', 'subtotal', 'sub total', 'line amount', 'item total', '小计', '商品金额', '商品总价', '行金额']),
      f('order_total', 'Order total', '金额', ['total', 'amount', 'order total', 'order amount', 'grand total', 'paid', 'amount paid', 'payment', 'revenue', 'sales',
        '金额', '订单金额', '总金额', '总价', '实付金额', '实付', '实收金额', '付款金额', '支付金额', '合计', '订单总额', '应付金额']),
      f('currency', 'Currency', '币种', ['currency', 'currency code', '币种', '货币', '币别']),
      f('status', 'Status', '订单状态', ['status', 'order status', 'state', 'payment status', '状态', '订单状态', '交易状态', '付款状态']),
      f('channel', 'Sales channel', '渠道', ['channel', 'sales channel', 'source', 'store', 'shop', 'platform', '渠道', '销售渠道', '来源', '店铺', '平台']),
    ],
    requires: [
      { anyOf: ['order_no'], message: 'Map the Order number column.' },
      { anyOf: ['ordered_at'], message: 'Map the Order date column.' },
      { anyOf: ['customer_email', 'customer_phone'], message: 'Map the customer\u2019s Email or Phone, so each order finds its customer.' },
      { anyOf: ['unit_price', 'line_total', 'order_total'], message: 'Map a Unit price, Line total or Order total column.' },
    ],
  },
  interactions: {
    fields: [
      ...customerKeyFields('customer_'),
      f('occurred_at', 'Date', '时间', ['date', 'time', 'sent', 'sent at', 'received', 'timestamp', 'date time', 'datetime', 'created at',
        '时间', '日期', '发送时间', '消息时间', '聊天时间', '接收时间', '创建时间']),
      f('channel', 'Channel', '渠道', ['channel', 'via', 'medium', 'source', 'platform', 'type', '渠道', '方式', '来源', '平台', '类型']),
      f('direction', 'Direction', '方向', ['direction', 'in/out', 'inbound/outbound', 'from', 'sender', '方向', '收发', '发送方', '发送人']),
      f('subject', 'Subject', '主题', ['subject', 'title', 'topic', '主题', '标题']),
      f('body', 'Message', '内容', ['message', 'body', 'text', 'content', 'message text', 'notes', 'conversation', '内容', '消息', '消息内容', '聊天内容', '正文', '留言', '文本']),
      f('language', 'Language', '语言', ['language', 'lang', '语言']),
      f('handled', 'Handled', '已处理', ['handled', 'replied', 'answered', 'done', 'resolved', '已处理', '已回复', '处理状态', '是否回复']),
    ],
    requires: [
      { anyOf: ['body'], message: 'Map the Message column.' },
      { anyOf: ['occurred_at'], message: 'Map the Date column.' },
      { anyOf: ['customer_email', 'customer_phone'], message: 'Map the customer\u2019s Email or Phone, so each message finds its customer.' },
    ],
  },
  feedback: {
    fields: [
      ...customerKeyFields('customer_'),
      f('occurred_at', 'Date', '时间', ['date', 'time', 'review date', 'submitted', 'submitted at', 'created at', '时间', '日期', '评价时间', '提交时间', '反馈时间']),
      f('kind', 'Type', '类型', ['type', 'kind', 'category', 'feedback type', '类型', '反馈类型', '类别']),
      f('rating', 'Rating', '评分', ['rating', 'stars', 'score', 'star rating', 'review score', '评分', '星级', '打分', '评价星级']),
      f('nps', 'NPS', '推荐度', ['nps', 'nps score', 'likely to recommend', 'recommend', '推荐度', '推荐指数', 'nps评分']),
      f('body', 'Text', '内容', ['review', 'comment', 'comments', 'feedback', 'text', 'body', 'content', 'review text', 'message',
        '评价', '评价内容', '评论', '内容', '反馈', '反馈内容', '意见', '留言']),
      f('product_sku', 'Product SKU', '商品编码', ['sku', 'product sku', 'product code', '商品编码', '货号']),
      f('product_name', 'Product', '商品名称', ['product', 'product name', 'item', '商品', '商品名称', '产品']),
      f('language', 'Language', '语言', ['language', 'lang', '语言']),
    ],
    requires: [
      { anyOf: ['occurred_at'], message: 'Map the Date column.' },
      { anyOf: ['customer_email', 'customer_phone'], message: 'Map the customer\u2019s Email or Phone, so each review finds its customer.' },
      { anyOf: ['rating', 'nps', 'body'], message: 'Map a Rating, NPS or Text column.' },
    ],
  },
};

export function fieldKeys(kind: ImportKind): string[] {
  return KINDS[kind].fields.map((d) => d.key);
}
