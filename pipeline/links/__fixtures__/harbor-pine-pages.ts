/** A small Harbor & Pine inventory for the link tests. */
import type { Page } from '../inventory/page.ts';

const page = (url: string, title: string, description: string, text: string, extra: Partial<Page> = {}): Page => ({
  url,
  title,
  description,
  headings: [],
  text,
  locale: 'en-US',
  kind: 'article',
  ...extra,
});

export const harborPinePages: Page[] = [
  page('/products/seaside-linen-shirt/', 'Seaside Linen Shirt', 'A garment-washed shirt in 160 GSM European flax linen.', 'Our Seaside Linen Shirt is cut from 100% European flax linen and garment-washed for a soft hand.', { kind: 'product', keyphrase: 'linen shirt' }),
  page('/products/harbor-chore-jacket/', 'Harbor Chore Jacket', 'A chore jacket in 12 oz organic cotton canvas.', 'The Harbor Chore Jacket is made of 12 oz organic cotton canvas with three patch pockets.', { kind: 'product' }),
  page('/products/pine-ridge-merino-crew/', 'Pine Ridge Merino Crew', 'A crew neck in 17.5-micron merino.', 'The Pine Ridge Merino Crew is knit from fine merino wool that does not itch.', { kind: 'product' }),
  page('/journal/how-to-wash-linen/', 'How to wash linen', 'Cold water, a gentle cycle and a line to dry on.', 'Washing linen is simple. Use cold water and a gentle cycle, then hang it to dry. Linen softens with every wash.'),
  page('/journal/organic-cotton-explained/', 'Organic cotton explained', 'What organic cotton is and why we use it.', 'Organic cotton is grown without synthetic pesticides. We use organic cotton canvas for our chore jackets.'),
  page('/journal/caring-for-merino/', 'Caring for merino', 'Wash merino rarely and cool; dry it flat.', 'Merino wool needs little washing. Air it out, wash it cool and dry it flat.'),
  page('/about/', 'About Harbor & Pine', 'A small clothing maker in Portland, Maine.', 'Harbor & Pine makes linen and organic cotton shirts, chore jackets and merino knits in Portland, Maine.', { kind: 'page' }),
  page('/fr/journal/laver-le-lin/', 'Laver le lin', 'Eau froide, cycle doux.', 'Laver le lin est simple.', { locale: 'fr-FR' }),
];
