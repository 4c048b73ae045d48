/**
 * The customer's recovery repertoire, in the order a stuck customer considers the actions (the
 * search tries them in this order). A new recovery action is one file here and one line below.
 */
import { changeEmail } from './changeEmail.ts';
import { contactSupport } from './contactSupport.ts';
import { downloadStatement } from './downloadStatement.ts';
import { lookInSpam } from './lookInSpam.ts';
import { openOrderPage } from './openOrderPage.ts';
import { reorder } from './reorder.ts';
import { resendConfirmation } from './resendConfirmation.ts';
import { tryAgain } from './tryAgain.ts';
import { waitAndRetry } from './wait.ts';

export const RECOVERY_DEFINITIONS = [
  waitAndRetry,
  tryAgain,
  lookInSpam,
  openOrderPage,
  resendConfirmation,
  changeEmail,
  downloadStatement,
  reorder,
  contactSupport,
] as const;
