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
	/** Target for the first human reply, in hours (business hours unless `firstResponseUnit` says otherwise). */
	firstResponseHours: z.number().positive().max(240),
	/** How `firstResponseHours` counts: `business-hours` (while the channel is open; default) or `hours` (around the clock). */
	firstResponseUnit: z.enum(['business-hours', 'hours']).default('business-hours'),
});

/** A range of whole numbers, e.g. 5 to 10 business days. */
const rangeSchema = z
	.object({
		/** Smallest value. */
		min: z.number().int().min(0),
		/** Largest value. */
		max: z.number().int().min(0),
	})
	.refine((r) => r.max >= r.min, { message: 'max must not be smaller than min.', path: ['max'] });

/** The single source of program facts: every page that states one of these renders it from here. */
export const programFields = z.object({
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
		/**
		 * Days from the order date a commission stays pending before it is approved. Leave it out: it is
		 * derived as the return window plus the delivery allowance, so that it covers every return.
		 * If written, it must be at least that long.
		 */
		lockPeriodDays: z.number().int().min(0).max(365).optional(),
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
		/** Minutes until a click usually shows in the reports ("about an hour" for 60). */
		clickReportingMinutes: z.number().int().min(1).max(1440).default(60),
	}),
	/** Days a customer has to return an order for a refund, counted from delivery. */
	returnWindowDays: z.number().int().min(0).max(365),
	/** Days allowed between an order and its delivery; the lock period adds them to the return window. */
	deliveryAllowanceDays: z.number().int().min(0).max(60).default(15),
	/** Business days from the day a return is received until the refund reaches the customer's payment method. */
	refundBusinessDays: rangeSchema.default({ min: 5, max: 10 }),
	/** Fee for the prepaid return label, deducted from the refund; faulty or wrong items are returned free. 0 for free returns. */
	returnLabelFee: z.number().min(0).default(0),
	/** Years Tallwood-brand gear is covered against manufacturing defects, on top of the customer's statutory rights. */
	warrantyYears: z.number().int().min(1).max(10).default(2),
	/** The Trail Club membership sold in the store. */
	trailClub: z
		.object({
			/** Price of one month of membership in the program currency, charged monthly until cancelled. */
			monthlyPrice: z.number().positive(),
			/** Days of free trial before the first payment. */
			trialDays: z.number().int().min(0).max(90),
		})
		.optional(),
	/** Names affiliates may not bid on or register, as written in ads and domains; misspellings count too. */
	brandTerms: z.array(z.string().min(2)).min(1).default(['Tallwood']),
	/** Address for privacy requests and questions (access, deletion, opt-outs). */
	privacyEmail: z.email().optional(),
	/** Business days in which a conversion dispute is answered. */
	disputeResponseBusinessDays: z.number().int().min(1).max(60),
	/** Days after the end of a month in which conversions of that month can be disputed. */
	disputeWindowDays: z.number().int().min(1).max(365),
	/** Our own rule: the amount paid in a calendar year from which a tax form (W-9 or W-8) must be on file; 0 means before the first payment. */
	taxFormThreshold: z.number().min(0),
	/** IRS reporting thresholds, separate from when we ask for a form. */
	taxReporting: z
		.object({
			/** Payments to a US person in a calendar year from which we issue Form 1099-NEC. */
			form1099NecThreshold: z.number().positive(),
			/** The calendar year that threshold applies to; later years are indexed for inflation. */
			form1099NecYear: z.number().int().min(2020).max(2100),
			/** Payment processors (PayPal) issue Form 1099-K above this amount … */
			form1099KAmount: z.number().positive(),
			/** … and this many transactions in a calendar year. */
			form1099KTransactions: z.number().int().positive(),
		})
		.optional(),
	/** How CPA campaigns are tracked and billed. */
	campaigns: z
		.object({
			/** Minutes between retries of a failed postback (5xx or timeout), in order. */
			postbackRetryMinutes: z.array(z.number().int().positive()).min(1),
			/** Business day of the month the invoice for the previous month's approved conversions is sent. */
			invoiceBusinessDay: z.number().int().min(1).max(20),
			/** Days from the invoice date until payment is due. */
			paymentTermsDays: z.number().int().min(1).max(120),
			/** Network fee on top of the affiliate payouts, as a percentage of them. */
			networkFeePercent: z.number().min(0).max(100),
			/** Days after a chargeback's date in which an advertiser can report it on a locked conversion. */
			chargebackReportDays: z.number().int().min(1).max(365),
		})
		.optional(),
	/** The ways to reach support, each with its hours. */
	support: z.array(supportChannelSchema).min(1),
});

/**
 * The program file as pages read it: the lock period is derived from the return window and
 * the delivery allowance (a written one that is shorter is refused, naming both).
 */
export const programSchema = programFields
	.superRefine((p, ctx) => {
		const covers = p.returnWindowDays + p.deliveryAllowanceDays;
		if (p.payout.lockPeriodDays !== undefined && p.payout.lockPeriodDays < covers) {
			ctx.addIssue({
				code: 'custom',
				path: ['payout', 'lockPeriodDays'],
				message: `A lock period of ${p.payout.lockPeriodDays} days ends before the last return: returns are accepted for ${p.returnWindowDays} days after delivery, and delivery may take ${p.deliveryAllowanceDays} days. Leave lockPeriodDays out to derive it (${covers}), or make it at least ${covers}.`,
			});
		}
	})
	.transform((p) => ({
		...p,
		payout: { ...p.payout, lockPeriodDays: p.payout.lockPeriodDays ?? p.returnWindowDays + p.deliveryAllowanceDays },
	}));

export type Program = z.infer<typeof programSchema>;
export type SupportChannel = z.infer<typeof supportChannelSchema>;
