// The words that name each aspect a shop's customers speak about, in English and Chinese (written
// for Patron). A mention's polarity is the sentiment of the clause that names it (analyzer.ts).
import type { Aspect } from '../../shared/sentiment';

export const ASPECT_WORDS: Record<Aspect, { en: string[]; zh: string[] }> = {
  price: {
    en: ['price', 'prices', 'priced', 'pricey', 'expensive', 'cheap', 'cheaper', 'cost', 'costs', 'costly', 'overpriced', 'value', 'money', 'bargain', 'deal', 'discount', 'affordable', 'pricing', 'rip-off', 'ripoff'],
    zh: ['价格', '价钱', '价位', '贵', '太贵', '偏贵', '小贵', '便宜', '性价比', '性价比高', '划算', '不划算', '实惠', '物超所值', '超值', '优惠', '折扣', '差价', '值', '不值', '价', '智商税', '钱'],
  },
  quality: {
    en: ['quality', 'material', 'materials', 'fabric', 'durable', 'sturdy', 'flimsy', 'broke', 'broken', 'defective', 'faulty', 'cheaply', 'craftsmanship', 'build', 'stitching', 'works', 'worked', 'genuine', 'fake', 'counterfeit'],
    zh: ['质量', '品质', '做工', '材质', '面料', '用料', '质感', '结实', '耐用', '粗糙', '劣质', '瑕疵', '起球', '褪色', '掉色', '开线', '缩水', '正品', '假货', '假的', '坏了', '损坏', '毛病', '故障', '手感'],
  },
  delivery: {
    en: ['delivery', 'delivered', 'deliver', 'shipping', 'shipped', 'ship', 'arrived', 'arrive', 'arrival', 'courier', 'parcel', 'package', 'late', 'delayed', 'delay', 'tracking', 'dispatch', 'dispatched', 'postage', 'transit'],
    zh: ['物流', '快递', '发货', '送货', '配送', '送达', '到货', '收到', '外卖', '骑手', '小哥', '送餐', '送', '速度', '超时', '迟到', '延迟', '晚到', '准时', '及时', '神速', '等了', '久等', '半天', '慢', '太慢', '很慢', '快', '很快'],
  },
  service: {
    en: ['service', 'staff', 'support', 'seller', 'owner', 'rude', 'helpful', 'friendly', 'polite', 'customer service', 'reply', 'replied', 'response', 'responded', 'answer', 'attitude', 'manager', 'waiter', 'team'],
    zh: ['服务', '客服', '态度', '店家', '商家', '卖家', '老板', '服务员', '前台', '热情', '耐心', '周到', '贴心', '敷衍', '冷漠', '不理', '不回复', '没人理', '回复', '解决', '处理', '态度好', '态度差', '服务好', '专业'],
  },
  packaging: {
    en: ['packaging', 'packed', 'wrapped', 'wrapping', 'box', 'boxes', 'packing', 'bag', 'crushed', 'dented', 'leaked', 'leaking', 'sealed', 'seal'],
    zh: ['包装', '打包', '盒子', '包裹', '纸箱', '箱子', '袋子', '密封', '破损', '漏', '漏了', '洒了', '压坏', '撒了', '封口'],
  },
  size_fit: {
    en: ['size', 'sizes', 'sizing', 'fit', 'fits', 'fitted', 'tight', 'loose', 'small', 'large', 'big', 'length', 'width', 'smaller', 'bigger'],
    zh: ['尺码', '尺寸', '大小', '码数', '合身', '不合身', '偏大', '偏小', '紧', '松', '宽松', '长短', '码', '磨脚', '号'],
  },
  taste: {
    en: ['taste', 'tastes', 'tasty', 'flavor', 'flavour', 'delicious', 'bland', 'salty', 'sweet', 'fresh', 'stale', 'spicy', 'cold', 'soggy'],
    zh: ['味道', '口味', '口感', '好吃', '难吃', '好喝', '难喝', '咸', '太咸', '淡', '甜', '辣', '油腻', '新鲜', '入味', '凉了', '冷了', '香', '可口', '美味', '变质', '馊', '分量', '分量足', '量足', '份量'],
  },
  as_described: {
    en: ['described', 'description', 'pictured', 'picture', 'photo', 'photos', 'advertised', 'expected', 'listing', 'colour', 'color', 'wrong item', 'different'],
    zh: ['描述', '图片', '实物', '色差', '与描述', '和图片', '不符', '相符', '一样', '颜色', '发错', '错发', '货不对板', '宣传'],
  },
  returns: {
    en: ['refund', 'refunded', 'return', 'returned', 'returns', 'exchange', 'replacement', 'warranty', 'money back', 'chargeback'],
    zh: ['退款', '退货', '换货', '退换', '售后', '保修', '退钱', '补发', '赔偿', '退'],
  },
  stock: {
    en: ['stock', 'sold out', 'out of stock', 'backorder', 'available', 'availability', 'unavailable', 'restock', 'missing'],
    zh: ['缺货', '断货', '库存', '没货', '有货', '补货', '少了', '漏发', '少发', '少'],
  },
  cleanliness: {
    en: ['clean', 'dirty', 'hygiene', 'filthy', 'dusty', 'smell', 'smelly', 'stain', 'stains', 'hair', 'bugs'],
    zh: ['干净', '卫生', '脏', '很脏', '整洁', '异味', '味儿', '头发', '虫子', '霉', '发霉', '污渍', '灰尘'],
  },
};
