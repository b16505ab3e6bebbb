// 导出。
import type { Messages } from '../en';

export const exportMessages: Pick<Messages, 'export'> = {
  export: {
    button: '导出',
    format: '文件格式',
    csv: 'CSV',
    xlsx: 'Excel（.xlsx）',
    csvHint: 'UTF-8 编码并带 BOM，用 Excel 打开中文不会乱码。',
    xlsxHint: 'Excel 工作簿，日期和数字保持原有格式。',
    everything: 'Patron 中的全部数据',
    lists: {
      customersFiltered: '当前列表中的客户（{{n}} 位）',
      customersAll: '全部客户（{{n}} 位）',
      orders: '订单',
      orderLines: '订单明细（每件商品一行）',
      messages: '消息',
      feedback: '评价与反馈',
    },
    names: {
      customers: '客户',
      orders: '订单',
      orderLines: '订单明细',
      messages: '消息',
      feedback: '评价与反馈',
    },
    running: '正在导出{{name}}…',
    progress: '{{done}} / {{total}} 行',
    reading: '正在准备下载…',
    saved: '{{name}}已导出',
    savedBody_one: '共 {{count, number}} 行，已存为 {{file}}。',
    savedBody_other: '共 {{count, number}} 行，已存为 {{file}}。',
    failed: '{{name}}导出失败',
    cancelled: '已取消导出{{name}}',
  },
};
