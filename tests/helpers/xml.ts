import { SaxesParser } from 'saxes';

/** Well-formedness and namespace errors of an XML document, from a strict parser; empty when it is well-formed. */
export function xmlErrors(xml: string): string[] {
	const errors: string[] = [];
	const parser = new SaxesParser({ xmlns: true });
	parser.on('error', (error) => errors.push(error.message));
	parser.write(xml).close();
	return errors;
}
