import type { Finding } from '../finding.ts';
import { audienceNames, audiences, type Audience } from '../../../../src/schemas/common.ts';
import { articleCollections } from '../../../../src/collections.ts';
import type { Rule } from './context.ts';

const words = (list: string[]) =>
	list.length
		? new RegExp(`(?<![\\w-])(?:${list.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w-])`, 'i')
		: undefined;

/**
 * An entry's audience must fit what it is about: a warranty question is not for advertisers,
 * a guide under docs/customers/ is for customers, and a title full of another audience's words
 * ("postback", "invoice") is probably filed under the wrong one. Settings in content-check.yaml.
 */
export const audienceFit: Rule = ({ files, data, config }) => {
	const { topics = {}, folders = {}, words: vocabulary = {} } = config.audiences ?? {};
	const marks = Object.fromEntries(audiences.map((a) => [a, words(vocabulary[a] ?? [])])) as Record<
		Audience,
		RegExp | undefined
	>;
	const findings: Finding[] = [];
	for (const file of files) {
		const entry = data.get(file.path);
		const audience = entry?.['audience'] as Audience | undefined;
		if (!entry || !audience) continue;
		const line = file.lineOf(['audience']);
		const topic = typeof entry['topic'] === 'string' ? entry['topic'] : undefined;
		const fits = topic === undefined ? undefined : topics[topic];
		if (fits && !fits.includes(audience)) {
			findings.push({
				severity: 'error',
				where: { file: file.path, line, path: ['audience'] },
				message: `Topic "${topic}" is for ${fits.map((a) => audienceNames[a]).join(' and ')}, not for ${audienceNames[audience]}.`,
				hint: `Change the audience to ${fits.join(' or ')}, or move the entry to a topic for ${audienceNames[audience]} (content-check.yaml, audiences.topics, says who each topic is for).`,
			});
			continue;
		}
		const folder = Object.entries(folders).find(([dir]) => file.path.startsWith(`src/content/${dir}/`));
		if (folder && folder[1] !== audience) {
			findings.push({
				severity: 'error',
				where: { file: file.path, line, path: ['audience'] },
				message: `Guides under src/content/${folder[0]}/ are for ${audienceNames[folder[1]]}, but this one says audience: ${audience}.`,
				hint: `Set \`audience: ${folder[1]}\`, or move the file to the folder for ${audienceNames[audience]}.`,
			});
			continue;
		}
		if (!articleCollections[file.collection].hasAudience) continue;
		const title = [entry['question'], entry['title']].find((t): t is string => typeof t === 'string') ?? '';
		const own = marks[audience];
		const other = audiences.find((a) => a !== audience && marks[a]?.test(title));
		if (other && !own?.test(title)) {
			findings.push({
				severity: 'warning',
				where: { file: file.path, line, path: ['audience'] },
				message: `"${title}" reads as a question for ${audienceNames[other]} ("${marks[other]!.exec(title)![0]}"), but the audience is ${audience}.`,
				hint: `If it is for ${audienceNames[other]}, set \`audience: ${other}\`; if not, name the ${audience}'s side of it in the title.`,
			});
		}
	}
	return findings;
};
