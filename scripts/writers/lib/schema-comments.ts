import { readFileSync } from 'node:fs';
import ts from 'typescript';

/**
 * The doc comment of every field in a schema file, keyed by its path inside the
 * object literal it is written in: `steps.title` for `steps: z.array(z.object({ title }))`.
 * The comments where fields are defined are the one place their meaning is written.
 */
export function fieldComments(file: string): Map<string, string> {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
	const comments = new Map<string, string>();
	const nameOf = (node: ts.PropertyAssignment) =>
		ts.isIdentifier(node.name) || ts.isStringLiteral(node.name) ? node.name.text : undefined;
	const visit = (node: ts.Node) => {
		if (ts.isPropertyAssignment(node)) {
			const text = ts
				.getJSDocCommentsAndTags(node)
				.filter(ts.isJSDoc)
				.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
				.join(' ')
				.replace(/\s+/g, ' ')
				.trim();
			const path: string[] = [];
			for (let at: ts.Node | undefined = node; at && !ts.isVariableStatement(at); at = at.parent) {
				if (ts.isPropertyAssignment(at)) {
					const name = nameOf(at);
					if (name) path.unshift(name);
				}
			}
			const key = path.join('.');
			if (text && !comments.has(key)) comments.set(key, text);
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return comments;
}

/** The comment for a field at `path` (array items left out), trying the full path, then shorter tails. */
export function commentFor(path: readonly string[], sources: ReadonlyArray<Map<string, string>>): string | undefined {
	for (let start = 0; start < path.length; start++) {
		const key = path.slice(start).join('.');
		for (const comments of sources) {
			const text = comments.get(key);
			if (text) return text;
		}
	}
	return undefined;
}
