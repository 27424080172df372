/** 12,345 or 12.345 or 12 345: the browser's locale decides, as for dates. */
export function formatCount(value: number, locale?: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
