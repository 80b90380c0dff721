Feature: Integration stories from the integrator kit
  The YAML routes that integrators copy and adapt, run as they are shipped, with the component set up
  once for all routes.

  Background:
    Given a new customer "Northwind Traders"

  Scenario: An invoice request becomes a sent invoice
    Given the integrator kit's invoice-request route
    When a CRM sends an invoice request for 3 "Consulting hour" at 120.00 each
    Then the route answers with the invoice, "sent", for a total of 360
    And reading the invoice again shows it "sent"

  Scenario: An invoice request without products is refused before anything reaches COUNT
    Given the integrator kit's invoice-request route
    When a CRM sends an invoice request without products
    Then the route fails naming the missing field "products"
    And the customer has no invoices

  Scenario: A deal won in the CRM becomes a sent invoice, answered with the link the customer pays at
    Given the integrator kit's CRM webhook, invoicing deals as "Consulting hour"
    When the CRM reports a deal won by "Northwind Traders" for 1200.00
    Then the webhook answers "201" with the invoice, "sent", for a total of 1200
    And the answer carries the invoice's public link
    And the customer has 1 invoice

  Scenario: A CRM that delivers the same won deal twice gets the same invoice, not a second one
    Given the integrator kit's CRM webhook, invoicing deals as "Consulting hour"
    When the CRM reports a deal won by "Northwind Traders" for 450.00
    And the CRM delivers the same deal again
    Then the webhook answers "200" with the invoice, "sent", for a total of 450
    And both answers name the same invoice
    And the customer has 1 invoice

  Scenario: A deal won by a company COUNT does not know yet creates the customer first
    Given the integrator kit's CRM webhook, invoicing deals as "Support plan"
    When the CRM reports a deal won by a new company "Contoso" for 99.00
    Then the webhook answers "201" with the invoice, "sent", for a total of 99
    And COUNT has a customer "Contoso" with the deal's email, billed by that invoice

  Scenario: A deal without an amount is refused and nothing is created
    Given the integrator kit's CRM webhook, invoicing deals as "Consulting hour"
    When the CRM reports a deal won by "Northwind Traders" without an amount
    Then the webhook answers "400" naming "amount"
    And the customer has no invoices

  Scenario: A CSV file becomes draft invoices; a bad row is reported with its reason and stops nothing
    Given the integrator kit's CSV drop folder
    When a CSV file is dropped with these rows for "Northwind Traders":
      | product         | quantity | unitPrice |
      | Consulting hour | 2        | 120.00    |
      | Consulting hour | two      | 120.00    |
      | Support plan    | 1        | 49.50     |
    Then the result file lists the rows as "created, rejected, created"
    And row 2 is rejected because "quantity must be a number above 0, not 'two'"
    And the customer has 2 invoices, all "draft"
    And the file is moved to "error"

  Scenario: Dropping a corrected file again creates only the rows that were missing
    Given the integrator kit's CSV drop folder
    And a CSV file was dropped with these rows for "Northwind Traders":
      | product         | quantity | unitPrice |
      | Consulting hour | 1        | 120.00    |
      | Consulting hour | 0        | 120.00    |
    When the corrected file is dropped again with row 2's quantity 3
    Then the result file lists the rows as "existing, created"
    And the customer has 2 invoices, all "draft"
    And the file is moved to "done"
