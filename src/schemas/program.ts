import { z } from 'astro/zod';

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Expected a time written HH:MM (24-hour clock).');
const weekday = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

/** A way to reach the support team, with its opening hours in its own time zone. */
export const supportChannelSchema = z.object({
	/** Stable key used in links and facts, e.g. "email". */
	id: z.string().regex(/^[a-z][a-z0-9-]*$/),
	/** What readers see, e.g. "Live chat (Americas)". */
	label: z.string().min(2),
	/** What sort of channel it is: email, chat, phone or form. */
	kind: z.enum(['email', 'chat', 'phone', 'form']),
	/** Address, number or URL path of the channel. */
	contact: z.string().min(2),
	/** Who the channel is for. */
	audiences: z.array(z.enum(['affiliate', 'customer', 'advertiser'])).min(1),
	/** When the channel is staffed. */
	hours: z.object({
		/** IANA time zone the hours are given in, e.g. "America/Denver". */
		timeZone: z.string().refine((tz) => {
			try {
				new Intl.DateTimeFormat('en', { timeZone: tz });
				return true;
			} catch {
				return false;
			}
		}, 'Expected an IANA time zone such as "America/Denver" or "Europe/Berlin".'),
		/** Days it is open: mon, tue, wed, thu, fri, sat, sun. */
		days: z.array(weekday).min(1),
		/** Opening time, HH:MM on a 24-hour clock. */
		opens: timeOfDay,
		/** Closing time, HH:MM on a 24-hour clock. */
		closes: timeOfDay,
	}),
	/** Target for the first human reply, in business hours. */
	firstResponseHours: z.number().positive().max(240),
});

/** The single source of program facts: every page that states one of these renders it from here. */
export const programSchema = z.object({
	/** Name of the affiliate program, shown in titles and cards. */
	name: z.string().min(2),
	/** The company that runs the program. */
	company: z.string().min(2),
	/** The store affiliates send readers to. */
	storeUrl: z.url(),
	/** ISO 4217 currency code all money amounts are in. */
	currency: z.string().regex(/^[A-Z]{3}$/, 'Expected an ISO 4217 currency code such as USD.'),
	/** How and when affiliates are paid. */
	payout: z.object({
		/** Smallest balance that is paid out; smaller balances roll over to the next month. */
		threshold: z.number().positive(),
		/** Day of the month payments are sent (1–28). */
		paymentDay: z.number().int().min(1).max(28),
		/** Days a commission stays pending before it is approved (covers the return window). */
		lockPeriodDays: z.number().int().min(0).max(365),
		/** The ways affiliates can be paid, each with its fee and arrival time. */
		methods: z
			.array(
				z.object({
					/** Stable key of the method, e.g. "paypal". */
					id: z.string().regex(/^[a-z][a-z0-9-]*$/),
					/** What readers see, e.g. "Bank transfer (ACH, US accounts)". */
					label: z.string(),
					/** Fee withheld per payment in the program currency; 0 for none. */
					fee: z.number().min(0),
					/** Business days from the payment day until funds usually arrive. */
					arrivalBusinessDays: z.number().int().min(0).max(30),
				}),
			)
			.min(1),
		/** Month-end cut-off: commissions approved by this time count for the month. */
		cutoffTimeZone: z.string(),
	}),
	/** How clicks and sales are credited. */
	tracking: z.object({
		/** Days a click is remembered; a purchase within the window is credited. */
		cookieWindowDays: z.number().int().min(1).max(365),
		/** Which click gets the credit when there were several: last-click, first-click or linear. */
		attribution: z.enum(['last-click', 'first-click', 'linear']),
		/** Query parameter carrying the affiliate's sub-ID. */
		subIdParameter: z.string().regex(/^[a-z_][a-z0-9_]*$/),
		/** Maximum characters accepted in a sub-ID. */
		subIdMaxLength: z.number().int().min(8).max(255),
	}),
	/** Days a customer has to return an order for a refund. */
	returnWindowDays: z.number().int().min(0).max(365),
	/** Business days in which a conversion dispute is answered. */
	disputeResponseBusinessDays: z.number().int().min(1).max(60),
	/** Days after the end of a month in which conversions of that month can be disputed. */
	disputeWindowDays: z.number().int().min(1).max(365),
	/** Tax form reminders: the amount paid in a calendar year above which a form is required. */
	taxFormThreshold: z.number().min(0),
	/** The ways to reach support, each with its hours. */
	support: z.array(supportChannelSchema).min(1),
});

export type Program = z.infer<typeof programSchema>;
export type SupportChannel = z.infer<typeof supportChannelSchema>;
