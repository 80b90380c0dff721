Feature: Attachments and the public invoice link
  A partner attaches documents to an invoice, as links or uploaded files. Once the invoice is
  approved, COUNT gives a public link: the customer's own page, where the customer sees what is due
  and pays it.

  Background:
    Given a new customer "Cyberdyne Systems"

  Scenario: A link and an uploaded file are attached, draft or approved
    Given a draft invoice for 1 "Consulting hour" at 120.00 each
    When I attach the link "https://files.example/contract.pdf" titled "Signed contract"
    And I approve the invoice
    And I upload the file "timesheet.pdf" of 2048 bytes
    Then the invoice is "approved"
    And the invoice's attachments are, in order:
      | kind   | name            | link or size                      |
      | link   | Signed contract | https://files.example/contract.pdf |
      | upload | timesheet.pdf   | 2048                              |

  Scenario: A draft has no public link
    Given a draft invoice for 1 "Consulting hour" at 120.00 each
    When I try to get the invoice's public link
    Then COUNT refuses with "invoice_not_approved" because the invoice must be approved first

  Scenario: An approved invoice has a public link
    Given an approved invoice for 1 "Consulting hour" at 120.00 each
    When I ask COUNT for the invoice's public link
    Then COUNT gives a link for the customer

  @mock-only
  Scenario: The customer opens the public link and pays
    Given an approved invoice for 2 "Consulting hour" at 120.00 each
    And I send the invoice
    When I ask COUNT for the invoice's public link
    And the customer opens the link
    Then the customer's page shows the invoice "sent" with 240 to pay
    When the customer pays 100 of it
    Then the invoice is "partial" with 100 paid and 140 left to pay
    When the customer opens the link
    Then the customer's page shows the invoice "partial" with 140 to pay
    When the customer presses Pay on the page
    Then the customer's page shows the invoice "paid" and paid in full
    And the invoice is "paid" with 240 paid and 0 left to pay
