/**
 * The merchant's rules and wording that a second implementation of the merchant flow must share
 * with the model: the reference shop (fixtures/shop) imports the merchant only through this
 * module, so the sim/http agreement test compares two implementations of one policy, and a
 * rule or a message changed here changes in both. What is not here (checkout, dispatch,
 * renewals, the shop port) the shop implements again, on purpose.
 */
export {
  type CheckoutRequest,
  cancellationMail,
  describeOrder,
  keyMessageKind,
  notifies,
  orderAmount,
  orderMail,
  rejectedEvent,
  skippedEvent,
  typoCaughtEvent,
} from './flows.ts';
export { MAIL_KINDS, type MailKind, type MerchantProfile, PROBLEMS, type Product } from './profile.ts';
export type { OrderPage, ShopCheckout } from './shopPort.ts';
