// 各预测页面共用的文字：流失原因（按 src-main/shared/predictions.ts 的代码）、风险等级、时长，以及预测依据。
import type { Messages } from '../en';

export const predict: Pick<Messages, 'predict'> = {
  predict: {
    bands: { high: '高风险', medium: '中风险', low: '低风险' },
    span: {
      days_one: '{{count}}天',
      days_other: '{{count}}天',
      weeks_one: '{{count}}周',
      weeks_other: '{{count}}周',
      months_one: '{{count}}个月',
      months_other: '{{count}}个月',
    },
    reasons: {
      gap: '通常每{{every}}下单一次；已{{since}}没有下单',
      one_order: '只下过一单，距今{{since}}',
      spend_falling: '最近的订单金额比以前少{{pct}}%',
      complaints_one: '有一条投诉尚未回复',
      complaints_other: '有{{count}}条投诉尚未回复',
      negative_feeling: '最近一条留言或评价是差评',
      quiet: '已{{since}}没有下单',
      likely_gone: '很可能已不再购买（仍是客户的概率为{{pct}}%）',
    },
    reasonsJoin: '；',
  },
};
