Feature: Payments
  A customer's payment is a COUNT transaction: money that came into the workspace's bank account, assigned to
  the invoices it pays. An invoice paid in part is partial, paid in full it is paid. COUNT never assigns more
  than an invoice still owes, and removing a payment gives the invoice its balance back. The bank account is
  found in the chart of accounts (an Assets account of sub-type Bank).

  Background:
    Given a new customer "Umbrella Corp"

  Scenario: Part of an invoice is paid, then the rest
    Given an approved invoice "A" for 2 "Consulting hour" at 120.00 each
    When the customer pays 100 into the bank account for invoice "A"
    Then invoice "A" is "partial" with a balance due of 140
    And invoice "A" has 100 paid
    And the payment of 100 has 100 assigned
    When the customer pays 140 into the bank account for invoice "A"
    Then invoice "A" is "paid" with a balance due of 0
    And invoice "A" has 240 paid

  Scenario: Paying more than the invoice owes is refused and nothing changes
    Given an approved invoice "A" for 1 "Support plan" at 49.50 each
    And the customer paid 60 into the bank account
    When I try to assign 60 of the payment to invoice "A"
    Then COUNT refuses the payment with "payment_exceeds_balance"
    And invoice "A" is "approved" with a balance due of 49.50
    And invoice "A" has 0 paid
    And the payment of 60 has 0 assigned

  Scenario: Removing a payment restores the invoice's balance
    Given an approved invoice "A" for 2 "Consulting hour" at 120.00 each
    And the customer pays 240 into the bank account for invoice "A"
    And invoice "A" is "paid" with a balance due of 0
    When I remove the payment from invoice "A"
    Then invoice "A" is "approved" with a balance due of 240
    And invoice "A" has 0 paid
    And the payment of 240 has 0 assigned

  Scenario: A point-of-sale sale becomes a paid invoice with its receipt; the same sale delivered again pays nothing twice
    Given the integrator kit's point-of-sale webhook, paying into the workspace's bank account
    When the till reports a sale to "Umbrella Corp" of 2 "Consulting hour" at 120.00 each
    Then the webhook answers "201" with the invoice "paid", 240 paid and nothing due
    And the receipt went to the customer
    When the till delivers the same sale again
    Then the webhook answers "200" with the invoice "paid", 240 paid and nothing due
    And the sale was paid once, with 240 on the bank account assigned to that invoice
    And the customer has 1 invoice
