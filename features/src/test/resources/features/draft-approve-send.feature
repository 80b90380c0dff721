Feature: Draft, approve and send an invoice
  An invoice starts as a draft. Only an approved invoice can be sent to the customer, and COUNT
  reports the invoice's status after every step.

  Background:
    Given the customer "Acme Trading Ltd"

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
    Then COUNT refuses with "INVOICE_NOT_APPROVED" because the invoice must be approved first
    And reading the invoice again shows it "draft"

  Scenario: An invoice is approved only once
    Given a draft invoice for 1 "Support plan" at 49.50 each
    And I approve the invoice
    When I try to approve the invoice
    Then COUNT refuses with "INVOICE_NOT_DRAFT" because the invoice must be a draft
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
