/** The problems a recovery action answers, shared by the actions that answer the same ones. */
export const MAIL_PROBLEMS = new Set<string>(['missing-mail', 'missing-statement', 'missing-delivery']);
export const ORDER_PROBLEMS = new Set<string>(['missing-mail', 'missing-delivery', 'order-cancelled']);
