// The key an item has in the "bought together" rules (product_rules): the product's id as text, or
// 'name:' + the line's name when it has no product (as product_days keys it, dashboard/sales-days.ts).
export interface ProductItem {
  item: string;
  name: string;
}

export const itemOf = (p: { productId: number | null; name: string }): ProductItem => ({ item: p.productId != null ? String(p.productId) : `name:${p.name}`, name: p.name });
