/** The parts of a validation issue we report; zod issues have this shape. */
export interface IssueLike {
	path: ReadonlyArray<PropertyKey>;
	message: string;
}

/** Writes a field path the way a writer reads YAML: `tiers[1].from`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
	return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** One line per problem: `- field: message`. */
export function formatIssues(issues: ReadonlyArray<IssueLike>): string {
	return issues.map((i) => `- ${formatPath(i.path) || '(root)'}: ${i.message}`).join('\n');
}
