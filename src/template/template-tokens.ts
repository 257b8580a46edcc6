import { goQuote, isKeyword } from './lex-template.js';
import type { ItemType, TemplateItem } from './lex-template.js';

/**
 * The items of one template with the look-ahead Go's parser uses. Reading
 * past the end returns the last item, which is `eof` or `error`.
 */
export class TokenStream {
  private readonly items: readonly TemplateItem[];
  private index = 0;

  constructor(items: readonly TemplateItem[]) {
    this.items = items;
  }

  get position(): number {
    return this.index;
  }

  /** Rewinds to a position taken from `position`. */
  rewind(position: number): void {
    this.index = position;
  }

  next(): TemplateItem {
    const item = this.items[Math.min(this.index, this.items.length - 1)]!;
    if (this.index < this.items.length) this.index++;
    return item;
  }

  backup(): void {
    if (this.index > 0) this.index--;
  }

  peek(): TemplateItem {
    return this.items[Math.min(this.index, this.items.length - 1)]!;
  }

  nextNonSpace(): TemplateItem {
    let item = this.next();
    while (item.type === 'space') item = this.next();
    return item;
  }

  /** Skips spaces and returns the item after them without consuming it. */
  peekNonSpace(): TemplateItem {
    const item = this.nextNonSpace();
    this.backup();
    return item;
  }
}

/** Describes an item as Go's error messages do: `EOF`, `<end>`, `"|"` or `"abcdefghij"...`. */
export function describeItem(item: TemplateItem): string {
  if (item.type === 'eof') return 'EOF';
  if (item.type === 'error') return item.value;
  if (isKeyword(item.type)) return `<${item.value}>`;
  const characters = [...item.value];
  if (characters.length > 10) return `${goQuote(characters.slice(0, 10).join(''))}...`;
  return goQuote(item.value);
}

export function isItem(item: TemplateItem, ...types: ItemType[]): boolean {
  return types.includes(item.type);
}
