/** The build switch for share images, read once from the environment. */

/** Environment variable that turns share images off (`OG_IMAGES=off`) for quick link-only builds. */
export const OG_IMAGES_ENV = 'OG_IMAGES';

/**
 * Whether this build renders share images and links them from each page.
 * Unset, `on`, `true` or `1` mean yes; `off`, `false` or `0` mean no; anything else is a mistake worth stopping for.
 */
export function shareImagesEnabled(env: Record<string, string | undefined> = process.env): boolean {
	const value = env[OG_IMAGES_ENV]?.trim().toLowerCase();
	if (value === undefined || value === '' || value === 'on' || value === 'true' || value === '1') return true;
	if (value === 'off' || value === 'false' || value === '0') return false;
	throw new Error(
		`${OG_IMAGES_ENV} must be "on" or "off", received "${env[OG_IMAGES_ENV]}". Use OG_IMAGES=off to build without share images.`,
	);
}
