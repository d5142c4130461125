// XML 1.0 forbids most C0 controls even as references; they become U+FFFD.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text or an attribute value for SVG. Every name in an exported figure goes
 * through here, so markup in a model or family name stays characters: no element,
 * attribute or reference can be smuggled in.
 */
export function escapeXml(text: string): string {
  return text.replace(INVALID, "\uFFFD").replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
