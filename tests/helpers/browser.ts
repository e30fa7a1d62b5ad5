/**
 * The one place that starts Chromium for the browser tests and benchmarks: Debian's `chromium`
 * package (or CHROMIUM_PATH), headless, offline, with a fresh profile each time.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/** Where Chromium is: CHROMIUM_PATH, else Debian's package location. */
export const chromiumPath = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';

/**
 * Switches that keep a headless Chromium offline and quiet: no sandbox (CI runs as root), no GPU,
 * and none of the background requests (updates, sync, field trials) that would try to reach the internet.
 */
export const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];

/** Fails with the install command when Chromium is missing. */
export function requireChromium(): string {
	if (!existsSync(chromiumPath)) {
		throw new Error(
			`Chromium was not found at ${chromiumPath}. The browser tests drive a real Chromium: install it with ` +
				'`apt-get install chromium` (Debian/Ubuntu; `.ci/run` does this), or set CHROMIUM_PATH to a Chromium or Chrome binary.',
		);
	}
	return chromiumPath;
}

/** A launched browser with its throw-away profile directory. */
export interface TestBrowser {
	browser: Browser;
	/** A new context (own cookies and storage); `javaScriptEnabled: false` for the no-script flows. */
	context(options?: Parameters<Browser['newContext']>[0]): Promise<BrowserContext>;
	close(): Promise<void>;
}

/** Launches Chromium headless; Playwright gives each launch a fresh temporary profile and removes it on close. */
export async function launchBrowser(): Promise<TestBrowser> {
	const browser = await chromium.launch({ executablePath: requireChromium(), args: chromiumArgs, headless: true });
	return {
		browser,
		context: (options) => browser.newContext({ viewport: { width: 1280, height: 900 }, ...options }),
		close: () => browser.close(),
	};
}

/** A Chromium started by hand with a DevTools port (what Lighthouse connects to) and a fresh profile. */
export interface DebuggableChromium {
	port: number;
	close(): Promise<void>;
}

/**
 * Starts Chromium with `--remote-debugging-port=0`, a fresh `--user-data-dir`, and waits for its DevTools port.
 * `colorScheme: 'dark'` makes every page see `prefers-color-scheme: dark` (for audits in the dark theme).
 */
export function launchDebuggableChromium({
	colorScheme,
}: { colorScheme?: 'light' | 'dark' } = {}): Promise<DebuggableChromium> {
	const executablePath = requireChromium();
	const profile = mkdtempSync(join(tmpdir(), 'partner-help-chromium-'));
	// Blink's PreferredColorScheme: 0 is dark, 1 is light.
	const scheme = colorScheme ? [`--blink-settings=preferredColorScheme=${colorScheme === 'dark' ? 0 : 1}`] : [];
	const child = spawn(
		executablePath,
		[...chromiumArgs, ...scheme, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const close = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		await exited;
		rmSync(profile, { recursive: true, force: true });
	};
	return new Promise((resolve, reject) => {
		let log = '';
		child.stderr!.on('data', (chunk: Buffer) => {
			log += chunk;
			const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(log);
			if (match) resolve({ port: Number(match[1]), close });
		});
		child.once('exit', (code) => {
			rmSync(profile, { recursive: true, force: true });
			reject(
				new Error(`Chromium (${executablePath}) stopped (exit ${code}) before opening its DevTools port:\n${log}`),
			);
		});
	});
}

/**
 * Collects what a page reports as broken: console errors, uncaught exceptions and failed requests
 * (other than aborted ones).
 * Read `problems` after the page has done its work.
 */
export function watchForErrors(page: Page): { problems: string[] } {
	const problems: string[] = [];
	page.on('console', (message: ConsoleMessage) => {
		if (message.type() === 'error') problems.push(`console error on ${page.url()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
	// ERR_ABORTED is a request the page stopped needing (leaving a page cancels its prefetches), not a fault.
	page.on(
		'requestfailed',
		(request) =>
			request.failure()?.errorText !== 'net::ERR_ABORTED' &&
			problems.push(`request failed on ${page.url()}: ${request.url()} (${request.failure()?.errorText})`),
	);
	return { problems };
}
