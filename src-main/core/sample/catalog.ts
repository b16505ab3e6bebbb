// The sample shop's catalogue: 300 products of a tea and home-goods shop that sells in China
// and abroad, ten categories of thirty, with bilingual names, CNY prices and unique SKUs.
import { Rng } from './random';

export interface Product {
  /** Position in the catalogue, 0..299; orders refer to products by it. */
  index: number;
  sku: string;
  /** Bilingual name as stored: "Longjing Green Tea 龙井绿茶 250g". */
  name: string;
  nameEn: string;
  nameZh: string;
  category: string;
  categoryKey: CategoryKey;
  priceCents: number;
  /** How often it sells relative to others in its category. */
  popularity: number;
  /** The product most often bought with it (a visible "bought together" pair). */
  companion: number;
}

export type CategoryKey = 'TEA' | 'WARE' | 'COF' | 'SNK' | 'GIFT' | 'HNY' | 'NUT' | 'CER' | 'FRG' | 'TEX';

interface CategoryDef {
  key: CategoryKey;
  label: string;
  pairsWith: CategoryKey;
  /** [English, Chinese, base price in yuan] */
  items: [string, string, number][];
  /** [English, Chinese, price multiplier]; English may be empty when the variant is a size. */
  variants: [string, string, number][];
}

const CATEGORIES: CategoryDef[] = [
  {
    key: 'TEA', label: '茶叶 Tea', pairsWith: 'WARE',
    items: [
      ['Longjing Green Tea', '龙井绿茶', 128], ['Biluochun Green Tea', '碧螺春', 98], ['Huangshan Maofeng', '黄山毛峰', 78],
      ['Tieguanyin Oolong', '铁观音', 88], ['Da Hong Pao Rock Tea', '大红袍', 158], ['Phoenix Dancong Oolong', '凤凰单丛', 118],
      ['Ripe Pu-erh', '熟普洱', 68], ['Raw Pu-erh', '生普洱', 88], ['Jasmine Tea', '茉莉花茶', 48], ['White Peony', '白牡丹', 78],
      ['Silver Needle White Tea', '白毫银针', 198], ['Keemun Black Tea', '祁门红茶', 78], ['Dianhong Black Tea', '滇红', 58],
      ['Lapsang Souchong', '正山小种', 98], ['Anji White Tea', '安吉白茶', 138],
    ],
    variants: [['', '50g', 0.55], ['', '100g', 1], ['', '250g', 2.3], ['', '500g', 4.3]],
  },
  {
    key: 'WARE', label: '茶具 Teaware', pairsWith: 'TEA',
    items: [
      ['Yixing Clay Teapot', '紫砂壶', 580], ['Porcelain Gaiwan', '盖碗', 98], ['Glass Teapot', '玻璃茶壶', 128], ['Tasting Cup Set', '品茗杯套装', 168],
      ['Bamboo Tea Tray', '竹茶盘', 268], ['Fair Cup', '公道杯', 58], ['Travel Tea Set', '便携旅行茶具', 158], ['Tea Canister', '茶叶罐', 78],
      ['Tea Tools Set', '茶道六君子', 88], ['Gooseneck Kettle', '手冲壶', 298], ['Cast Iron Teapot', '铸铁壶', 468],
    ],
    variants: [['Celadon', '青瓷', 1], ['Blue & White', '青花', 1.15], ['Matte Black', '哑光黑', 1.1]],
  },
  {
    key: 'COF', label: '咖啡 Coffee', pairsWith: 'SNK',
    items: [
      ['Yunnan Arabica', '云南小粒咖啡', 68], ['Ethiopia Yirgacheffe', '耶加雪菲', 98], ['Colombia Supremo', '哥伦比亚', 88],
      ['Espresso Blend', '意式拼配', 78], ['Decaf Blend', '低因咖啡', 88], ['Sumatra Mandheling', '曼特宁', 92],
      ['Baoshan Honey Process', '保山蜜处理', 108], ['House Breakfast Blend', '早餐拼配', 62],
    ],
    variants: [['Beans', '咖啡豆 250g', 1], ['Ground', '咖啡粉 250g', 1], ['Beans', '咖啡豆 500g', 1.85], ['Drip Bags', '挂耳 10包', 0.8]],
  },
  {
    key: 'SNK', label: '零食 Snacks', pairsWith: 'COF',
    items: [
      ['Osmanthus Cake', '桂花糕', 38], ['Pineapple Cake', '凤梨酥', 58], ['Sesame Brittle', '芝麻糖', 28], ['Egg Rolls', '蛋卷', 42],
      ['Matcha Cookies', '抹茶曲奇', 48], ['Walnut Shortbread', '核桃酥', 36], ['Hawthorn Slices', '山楂片', 22], ['Beef Jerky', '牛肉干', 68],
      ['Rice Crackers', '米饼', 26], ['Mung Bean Cake', '绿豆糕', 32], ['Lotus Seed Pastry', '莲蓉酥', 45],
    ],
    variants: [['Small Pack', '小包装', 1], ['Family Pack', '家庭装', 2.2], ['Tin', '铁盒装', 1.6]],
  },
  {
    key: 'GIFT', label: '礼盒 Gift boxes', pairsWith: 'SNK',
    items: [
      ['Mid-Autumn Mooncake & Tea Gift Box', '中秋月饼茶礼盒', 298], ['Spring Festival Tea Gift Box', '新春茶礼盒', 368],
      ['Longjing Gift Box', '龙井礼盒', 398], ['Pu-erh Cake Gift Box', '普洱茶饼礼盒', 328], ['Tea & Teaware Gift Set', '茶具茶叶礼盒', 458],
      ['Coffee Lover Gift Box', '咖啡礼盒', 238], ['Christmas Tea Hamper', '圣诞茶礼篮', 348], ['Corporate Gift Box', '企业定制礼盒', 428],
      ['Snack Gift Hamper', '零食大礼包', 198], ['Dragon Boat Zongzi Gift Box', '端午粽子礼盒', 188], ['Honey & Tea Gift Box', '蜂蜜花茶礼盒', 218],
    ],
    variants: [['Classic', '经典款', 1], ['Deluxe', '豪华款', 1.6], ['Premium', '尊享款', 2.5]],
  },
  {
    key: 'HNY', label: '蜂蜜果酱 Honey & jam', pairsWith: 'TEA',
    items: [
      ['Osmanthus Honey', '桂花蜜', 68], ['Longan Honey', '龙眼蜜', 58], ['Wild Mountain Honey', '土蜂蜜', 88], ['Jujube Blossom Honey', '枣花蜜', 52],
      ['Acacia Honey', '槐花蜜', 56], ['Citron Honey Tea', '柚子茶', 39], ['Rose Petal Jam', '玫瑰酱', 45], ['Hawthorn Jam', '山楂酱', 32],
      ['Ningxia Goji Berries', '宁夏枸杞', 48], ['Xinjiang Red Dates', '新疆红枣', 38], ['Loquat Syrup', '枇杷膏', 42],
    ],
    variants: [['', '250g', 1], ['', '500g', 1.8], ['', '1kg', 3.2]],
  },
  {
    key: 'NUT', label: '坚果果干 Nuts & dried fruit', pairsWith: 'SNK',
    items: [
      ['Walnuts', '核桃', 42], ['Cashews', '腰果', 58], ['Macadamias', '夏威夷果', 62], ['Pistachios', '开心果', 66], ['Almonds', '巴旦木', 48],
      ['Daily Mixed Nuts', '每日坚果', 78], ['Dried Mango', '芒果干', 32], ['Turpan Raisins', '吐鲁番葡萄干', 28], ['Dried Figs', '无花果干', 45],
      ['Pecans', '碧根果', 58], ['Pine Nuts', '松子', 88],
    ],
    variants: [['', '200g', 1], ['', '500g', 2.2], ['Gift Tin', '礼罐', 1.7]],
  },
  {
    key: 'CER', label: '陶瓷餐具 Tableware', pairsWith: 'TEX',
    items: [
      ['Rice Bowl', '饭碗', 38], ['Noodle Bowl', '面碗', 58], ['Dinner Plate', '餐盘', 68], ['Chopsticks Set', '筷子套装', 48],
      ['Chopstick Rests', '筷架', 28], ['Sauce Dishes', '味碟', 32], ['Serving Platter', '大盘', 128], ['Soup Spoons', '汤勺', 26],
      ['Coffee Mug', '马克杯', 58], ['Bud Vase', '花瓶', 98], ['Dinnerware Set for Four', '四人餐具套装', 398],
    ],
    variants: [['Celadon', '青瓷', 1], ['Blue & White', '青花', 1.2], ['Speckled Cream', '米白釉', 1.05]],
  },
  {
    key: 'FRG', label: '香薰 Home fragrance', pairsWith: 'TEX',
    items: [
      ['Agarwood Incense', '沉香线香', 128], ['Sandalwood Incense', '檀香', 88], ['Osmanthus Candle', '桂花香薰蜡烛', 98],
      ['Jasmine Candle', '茉莉香薰蜡烛', 98], ['White Tea Reed Diffuser', '白茶藤条香薰', 138], ['Ceramic Incense Burner', '陶瓷香炉', 158],
      ['Cypress Essential Oil', '柏木精油', 78], ['Lavender Sachets', '薰衣草香包', 36], ['Tea Scented Candle', '茶香蜡烛', 108],
      ['Rose Room Spray', '玫瑰空间喷雾', 68], ['Pillow Mist', '枕头喷雾', 58],
    ],
    variants: [['Small', '小号', 1], ['Large', '大号', 1.7], ['Refill', '补充装', 0.7]],
  },
  {
    key: 'TEX', label: '家纺 Textiles', pairsWith: 'CER',
    items: [
      ['Linen Tea Towel', '亚麻茶巾', 38], ['Table Runner', '桌旗', 128], ['Cotton Napkins', '棉质餐巾', 68], ['Silk Cushion Cover', '真丝抱枕套', 188],
      ['Tea Mat', '茶席', 98], ['Linen Apron', '亚麻围裙', 118], ['Cashmere Throw', '羊绒盖毯', 598], ['Canvas Tote', '帆布袋', 58],
      ['Indigo Dyed Scarf', '扎染围巾', 168], ['Bamboo Placemats', '竹餐垫', 48], ['Quilted Tea Cosy', '绗缝茶壶套', 78],
    ],
    variants: [['Indigo', '靛蓝', 1], ['Natural', '本色', 1], ['Rust', '砖红', 1.05]],
  },
];

export const CATEGORY_KEYS = CATEGORIES.map((c) => c.key);
export const PRODUCTS_PER_CATEGORY = 30;

/** Retail-looking price: ¥28, ¥68, ¥128, ¥398... */
function nicePriceCents(yuan: number): number {
  return Math.max(8, Math.round(yuan / 10) * 10 - 2) * 100;
}

/** The catalogue for a seed: which variants are stocked and their prices depend on the seed. */
export function buildCatalog(seed: number): Product[] {
  const rng = new Rng(seed, 0xca7a);
  const out: Product[] = [];
  const firstOf = new Map<CategoryKey, number>();
  for (const cat of CATEGORIES) {
    const combos: [number, number][] = [];
    cat.items.forEach((_, i) => cat.variants.forEach((_, v) => combos.push([i, v])));
    if (combos.length < PRODUCTS_PER_CATEGORY) throw new Error(`Category ${cat.key} has too few products`);
    // Every item stocked at least once, then the rest of the thirty by chance, in a stable order.
    const chosen = rng.shuffle(combos);
    const byItem = new Map<number, [number, number]>();
    for (const c of chosen) if (!byItem.has(c[0])) byItem.set(c[0], c);
    const pickSet = new Set([...byItem.values()]);
    for (const c of chosen) if (pickSet.size < PRODUCTS_PER_CATEGORY) pickSet.add(c);
    const picked = [...pickSet].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    firstOf.set(cat.key, out.length);
    const popularity = rng.shuffle(picked.map((_, rank) => 1 / (rank + 2) ** 0.9));
    picked.forEach(([i, v], n) => {
      const [en, zh, base] = cat.items[i];
      const [vEn, vZh, mult] = cat.variants[v];
      const nameEn = vEn ? `${en} ${vEn}` : en;
      const nameZh = `${zh}${vZh ? ` ${vZh}` : ''}`;
      const name = vEn ? `${en} ${zh} ${vEn} ${vZh}` : `${en} ${zh} ${vZh}`;
      out.push({
        index: out.length,
        sku: `CL-${cat.key}-${String(n + 1).padStart(3, '0')}`,
        name,
        nameEn: vEn ? nameEn : `${en} ${vZh}`,
        nameZh,
        category: cat.label,
        categoryKey: cat.key,
        priceCents: nicePriceCents(base * mult * rng.between(0.95, 1.06)),
        popularity: popularity[n],
        companion: 0,
      });
    });
  }
  for (const cat of CATEGORIES) {
    const start = firstOf.get(cat.key)!;
    const pairStart = firstOf.get(cat.pairsWith)!;
    for (let n = 0; n < PRODUCTS_PER_CATEGORY; n++) out[start + n].companion = pairStart + ((n * 7 + 3) % PRODUCTS_PER_CATEGORY);
  }
  return out;
}

export function productsIn(catalog: Product[], key: CategoryKey): Product[] {
  return catalog.filter((p) => p.categoryKey === key);
}
