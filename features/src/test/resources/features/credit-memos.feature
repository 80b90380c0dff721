Feature: Credit memos
  A credit memo gives a customer credit. Once approved, its credit can be applied to the customer's
  approved invoices, in part or in full, to one invoice or across several. COUNT never applies more
  than the memo has left or an invoice still owes, and removing a credit gives both back.

  Background:
    Given a new customer "Initech"

  Scenario: A credit memo is created as a draft and approved
    When I create a credit memo "CM" for 1 "Consulting hour" at 100.00 each
    Then the credit memo "CM" is "draft" with 100 credit remaining
    When I approve the credit memo "CM"
    Then the credit memo "CM" is "open" with 100 credit remaining

  Scenario: Part of a memo, then the rest, is applied to an invoice
    Given an approved invoice "A" for 2 "Consulting hour" at 120.00 each
    And an approved credit memo "CM" for 1 "Consulting hour" at 100.00 each
    When I apply 40 of credit memo "CM" to invoice "A"
    Then invoice "A" is "partial" with a balance due of 200
    And the credit memo "CM" is "open" with 60 credit remaining
    When I apply 60 of credit memo "CM" to invoice "A"
    Then invoice "A" is "partial" with a balance due of 140
    And the credit memo "CM" is "applied" with 0 credit remaining

  Scenario: A memo that covers the whole invoice leaves nothing to pay
    Given an approved invoice "A" for 1 "Support plan" at 49.50 each
    And an approved credit memo "CM" for 1 "Support plan" at 49.50 each
    When I apply 49.50 of credit memo "CM" to invoice "A"
    Then invoice "A" is "paid" with a balance due of 0
    And the credit memo "CM" is "applied" with 0 credit remaining

  Scenario: One memo is spread across several invoices
    Given an approved invoice "A" for 1 "Consulting hour" at 120.00 each
    And an approved invoice "B" for 1 "Support plan" at 49.50 each
    And an approved credit memo "CM" for 1 "Consulting hour" at 150.00 each
    When I apply credit memo "CM" to these invoices:
      | invoice | amount |
      | A       | 100.50 |
      | B       | 49.50  |
    Then invoice "A" is "partial" with a balance due of 19.50
    And invoice "B" is "paid" with a balance due of 0
    And the credit memo "CM" is "applied" with 0 credit remaining

  Scenario: More credit than the memo has left is refused and nothing changes
    Given an approved invoice "A" for 2 "Consulting hour" at 120.00 each
    And an approved credit memo "CM" for 1 "Consulting hour" at 100.00 each
    When I try to apply 100.01 of credit memo "CM" to invoice "A"
    Then COUNT refuses the credit with "credit_exceeds_remaining"
    And invoice "A" is "approved" with a balance due of 240
    And the credit memo "CM" is "open" with 100 credit remaining

  Scenario: One line over the limit rejects the whole request
    Given an approved invoice "A" for 1 "Consulting hour" at 120.00 each
    And an approved invoice "B" for 1 "Support plan" at 49.50 each
    And an approved credit memo "CM" for 1 "Consulting hour" at 200.00 each
    When I try to apply credit memo "CM" to these invoices:
      | invoice | amount |
      | A       | 100    |
      | B       | 50     |
    Then COUNT refuses the credit with "credit_exceeds_balance"
    And invoice "A" is "approved" with a balance due of 120
    And invoice "B" is "approved" with a balance due of 49.50
    And the credit memo "CM" is "open" with 200 credit remaining

  Scenario: Removing a credit restores both balances
    Given an approved invoice "A" for 2 "Consulting hour" at 120.00 each
    And an approved credit memo "CM" for 1 "Consulting hour" at 100.00 each
    And I apply 100 of credit memo "CM" to invoice "A"
    And invoice "A" is "partial" with a balance due of 140
    When I remove credit memo "CM" from invoice "A"
    Then invoice "A" is "approved" with a balance due of 240
    And the credit memo "CM" is "open" with 100 credit remaining
