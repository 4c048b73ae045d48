/**
 * The parameters each endpoint accepts (from the installed stripe SDK's *Params types): anything
 * else is Stripe's `parameter_unknown`.
 */

export const PAGINATION = ['limit', 'starting_after', 'ending_before'];

export const CUSTOMER_CREATE =
  'address balance business_name cash_balance description email individual_name invoice_prefix invoice_settings metadata name next_invoice_sequence payment_method phone preferred_locales shipping source tax tax_exempt tax_id_data test_clock validate'.split(
    ' ',
  );

export const CUSTOMER_UPDATE =
  'address balance business_name cash_balance default_source description email individual_name invoice_prefix invoice_settings metadata name next_invoice_sequence phone preferred_locales shipping source tax tax_exempt validate'.split(
    ' ',
  );

export const INVOICE_SETTINGS = ['custom_fields', 'default_payment_method', 'footer', 'rendering_options'];

export const PM_CREATE =
  'allow_redisplay billing_details card customer metadata payment_method radar_options type'.split(' ');

export const PM_UPDATE = 'allow_redisplay billing_details card metadata'.split(' ');

export const CARD = ['number', 'exp_month', 'exp_year', 'cvc', 'token', 'networks'];

export const BILLING_DETAILS = ['address', 'email', 'name', 'phone', 'tax_id'];

export const ADDRESS = ['city', 'country', 'line1', 'line2', 'postal_code', 'state'];

export const PI_CREATE =
  'amount currency allowed_payment_method_types amount_details application_fee_amount automatic_payment_methods capture_method confirm confirmation_method confirmation_token customer customer_account description error_on_requires_action excluded_payment_method_types hooks mandate mandate_data metadata off_session on_behalf_of payment_details payment_method payment_method_configuration payment_method_data payment_method_options payment_method_types radar_options receipt_email return_url setup_future_usage shipping statement_descriptor statement_descriptor_suffix transfer_data transfer_group use_stripe_sdk'.split(
    ' ',
  );

export const PI_UPDATE =
  'allowed_payment_method_types amount amount_details application_fee_amount capture_method currency customer customer_account description excluded_payment_method_types hooks metadata payment_details payment_method payment_method_configuration payment_method_data payment_method_options payment_method_types receipt_email setup_future_usage shipping statement_descriptor statement_descriptor_suffix transfer_data transfer_group'.split(
    ' ',
  );

export const PI_CONFIRM =
  'allowed_payment_method_types amount_details amount_to_confirm capture_method confirmation_token error_on_requires_action excluded_payment_method_types hooks mandate mandate_data off_session payment_details payment_method payment_method_data payment_method_options radar_options receipt_email return_url setup_future_usage shipping use_stripe_sdk'.split(
    ' ',
  );

export const PI_CAPTURE =
  'amount_details amount_to_capture application_fee_amount final_capture hooks metadata payment_details statement_descriptor statement_descriptor_suffix transfer_data'.split(
    ' ',
  );

export const CHARGE_CREATE =
  'amount application_fee application_fee_amount capture currency customer description destination metadata on_behalf_of radar_options receipt_email shipping source statement_descriptor statement_descriptor_suffix transfer_data transfer_group'.split(
    ' ',
  );

export const REFUND_CREATE =
  'amount charge currency customer instructions_email metadata origin payment_intent reason refund_application_fee reverse_transfer'.split(
    ' ',
  );

export const PRODUCT_CREATE =
  'name active default_price_data description id images marketing_features metadata package_dimensions shippable statement_descriptor tax_code tax_details type unit_label url'.split(
    ' ',
  );

export const PRICE_CREATE =
  'currency active billing_scheme currency_options custom_unit_amount lookup_key metadata nickname product product_data recurring tax_behavior tiers tiers_mode transfer_lookup_key transform_quantity unit_amount unit_amount_decimal'.split(
    ' ',
  );

export const PRODUCT_DATA = [
  'name',
  'active',
  'id',
  'metadata',
  'statement_descriptor',
  'tax_code',
  'tax_details',
  'unit_label',
];

export const RECURRING = ['interval', 'interval_count', 'meter', 'trial_period_days', 'usage_type'];

export const SUB_CREATE =
  'add_invoice_items application_fee_percent automatic_tax backdate_start_date billing_cycle_anchor billing_cycle_anchor_config billing_mode billing_schedules billing_thresholds cancel_at cancel_at_period_end collection_method currency customer customer_account days_until_due default_payment_method default_source default_tax_rates description discounts invoice_settings items metadata off_session on_behalf_of payment_behavior payment_settings pending_invoice_item_interval proration_behavior transfer_data trial_end trial_from_plan trial_period_days trial_settings'.split(
    ' ',
  );

export const SUB_UPDATE =
  'add_invoice_items application_fee_percent automatic_tax billing_cycle_anchor billing_schedules billing_thresholds cancel_at cancel_at_period_end cancellation_details collection_method days_until_due default_payment_method default_source default_tax_rates description discounts invoice_settings items metadata off_session on_behalf_of pause_collection payment_behavior payment_settings pending_invoice_item_interval proration_behavior proration_date transfer_data trial_end trial_from_plan trial_settings'.split(
    ' ',
  );

export const SUB_ITEM = [
  'price',
  'price_data',
  'quantity',
  'metadata',
  'discounts',
  'tax_rates',
  'billing_thresholds',
  'plan',
];

export const PRICE_DATA = [
  'currency',
  'product',
  'unit_amount',
  'unit_amount_decimal',
  'recurring',
  'tax_behavior',
];

export const SUB_CANCEL = ['cancellation_details', 'invoice_now', 'prorate'];

export const INVOICE_PAY = [
  'forgive',
  'mandate',
  'off_session',
  'paid_out_of_band',
  'payment_method',
  'source',
];
