Feature: Draft, approve and send an invoice
  An invoice starts as a draft. A draft can be changed or deleted; once approved it can be neither,
  only sent (and sent again). COUNT reports the invoice's status after every step and keeps an audit
  log of every change. Every scenario works with a customer of its own.

  Background:
    Given a new customer "Acme Trading Ltd"

  Scenario: A new invoice goes from draft to approved to sent
    When I create an invoice for 2 "Consulting hour" at 120.00 each
    Then the invoice is a "draft" with a total of 240
    When I approve the invoice
    Then the invoice is "approved"
    When I send the invoice
    Then the invoice is "sent"
    And reading the invoice again shows it "sent"

  Scenario: A draft cannot be sent
    Given a draft invoice for 1 "Support plan" at 49.50 each
    When I try to send the invoice
    Then COUNT refuses with "invoice_not_approved" because the invoice must be approved first
    And reading the invoice again shows it "draft"

  Scenario: An invoice is approved only once
    Given a draft invoice for 1 "Support plan" at 49.50 each
    And I approve the invoice
    When I try to approve the invoice
    Then COUNT refuses with "invoice_not_draft" because the invoice must be a draft
    And reading the invoice again shows it "approved"

  Scenario: An invoice created as not a draft can be sent at once
    When I create an approved invoice for 3 "Consulting hour" at 99.99 each
    Then the invoice is "approved" with a total of 299.97
    When I send the invoice
    Then the invoice is "sent"

  Scenario: An already sent invoice can be sent again
    Given a sent invoice for 1 "Consulting hour" at 120.00 each
    When I send the invoice
    Then the invoice is "sent"
    And reading the invoice again shows it "sent" with a total of 120

  @mock-only
  Scenario: A re-sent invoice reaches the customer again
    Given a sent invoice for 1 "Consulting hour" at 120.00 each
    And the customer has received the invoice by email 1 time
    When I send the invoice
    Then the customer has received the invoice by email 2 times

  Scenario: A draft can be changed until it is approved
    Given a draft invoice for 1 "Consulting hour" at 120.00 each
    When I change the invoice to 3 "Consulting hour" at 110.00 each
    Then the invoice is a "draft" with a total of 330
    And reading the invoice again shows it "draft" with a total of 330
    When I approve the invoice
    Then the invoice is "approved" with a total of 330
    When I try to change the invoice to 1 "Consulting hour" at 1.00 each
    Then COUNT refuses with "invoice_not_editable" and points to a credit memo instead
    And reading the invoice again shows it "approved" with a total of 330

  Scenario: A draft can be deleted
    Given a draft invoice for 1 "Support plan" at 49.50 each
    When I delete the invoice
    Then the invoice is gone

  Scenario: An approved invoice cannot be deleted
    Given a draft invoice for 1 "Support plan" at 49.50 each
    And I approve the invoice
    When I try to delete the invoice
    Then COUNT refuses with "invoice_not_draft" because the invoice must be a draft
    And reading the invoice again shows it "approved"

  Scenario: Every step shows in the audit log, oldest first
    Given a draft invoice for 1 "Consulting hour" at 120.00 each
    When I change the invoice to 2 "Consulting hour" at 120.00 each
    Then the invoice is a "draft" with a total of 240
    When I approve the invoice
    Then the invoice is "approved"
    When I send the invoice
    Then the invoice is "sent"
    When I send the invoice
    Then the invoice is "sent"
    And the invoice's audit log lists, oldest first:
      | action   | changed | from     | to       |
      | created  |         |          |          |
      | updated  | total   | 120      | 240      |
      | approved | status  | draft    | approved |
      | sent     | status  | approved | sent     |
      | sent     |         |          |          |
