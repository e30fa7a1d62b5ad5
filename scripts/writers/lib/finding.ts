/** One thing a writer should fix (error) or look at (warning), with where and how. */
export interface Finding {
	severity: 'error' | 'warning';
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line in the file. */
	line: number;
	field?: string;
	message: string;
	hint?: string;
}
