/**
 * Masks what identifies a person in a search query before it is stored: email addresses, phone
 * numbers and order (or payment, ticket) numbers become placeholders, so that "where is order
 * 40021187" is kept as "where is order [order number]". Pure; used by the server before every
 * write and by tests.
 */

/** The placeholders, as they appear in stored queries and on the dashboard. */
export const maskPlaceholders = {
	email: '[email]',
	phone: '[phone]',
	order: '[order number]',
	number: '[number]',
} as const;

// Order of the rules matters: an email address may hold digits, and an order number may look like a phone number.
const rules: ReadonlyArray<readonly [RegExp, string]> = [
	// Anything shaped like an address: local part, @, a domain with a dot (spaces around @ included, as typed on phones).
	[/[\p{L}\p{N}._%+-]+\s?@\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu, maskPlaceholders.email],
	// An order, invoice, ticket or payment reference after its keyword: "order #A-1234", "invoice no. 5561".
	[
		/\b(order|invoice|ticket|payment|transaction|tracking|reference|ref|case)(\s*(?:number|no\.?|nr\.?|id|#|:)?\s*#?\s*)[A-Z0-9][A-Z0-9-]{3,}\b/giu,
		`$1 ${maskPlaceholders.order}`,
	],
	// Our own references (FB-7K2M-9QXD) and common order shapes: letters, dash, many digits ("TW-2024-88123").
	[/\b[A-Z]{1,4}-(?=[A-Z0-9-]*\d)[A-Z0-9]{3,}(?:-[A-Z0-9]{3,})*\b/giu, maskPlaceholders.order],
	// A phone number: optional +, then 7 to 15 digits with spaces, dots, dashes or brackets between them.
	[/(?<![\p{L}\p{N}])\+?\(?\d(?:[\s.()-]{0,2}\d){6,14}(?![\p{L}\p{N}])/gu, maskPlaceholders.phone],
	// Any other long run of digits (6 or more) can only be an account, card or order number: no help article needs it.
	[/(?<![\p{L}\p{N}])\d{6,}(?![\p{L}\p{N}])/gu, maskPlaceholders.number],
];

/** The query with emails, phone numbers and order numbers replaced by placeholders. */
export function maskQuery(text: string): string {
	let masked = text;
	for (const [pattern, placeholder] of rules) masked = masked.replace(pattern, placeholder);
	return masked.replace(/\s{2,}/g, ' ').trim();
}

/** Whether `text` held anything that masking replaced. */
export const wasMasked = (text: string): boolean => maskQuery(text) !== text.replace(/\s{2,}/g, ' ').trim();
