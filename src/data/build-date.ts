/**
 * The day the site is built for: which terms and rates are "current" depends on it.
 * Set BUILD_DATE=YYYY-MM-DD to preview the site as it will look on another day.
 */
const override = process.env['BUILD_DATE'];
if (override && Number.isNaN(Date.parse(override))) {
	throw new Error(`BUILD_DATE must be a date written YYYY-MM-DD, received "${override}".`);
}
export const buildDate = override ? new Date(`${override}T00:00:00Z`) : new Date();
