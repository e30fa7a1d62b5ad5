/** Text made safe for HTML or XML, in element content and in quoted attribute values alike. */
const entities: Readonly<Record<string, string>> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/** Escapes `&`, `<`, `>`, `"` and `'`: nothing in the text can open a tag, an entity or end an attribute. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]!);
