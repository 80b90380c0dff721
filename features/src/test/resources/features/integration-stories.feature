Feature: Integration stories from the integrator kit
  The YAML routes that integrators copy and adapt, run as they are shipped, with the component set up
  once for all routes.

  Background:
    Given a new customer "Northwind Traders"
    And the integrator kit's invoice-request route

  Scenario: An invoice request becomes a sent invoice
    When a CRM sends an invoice request for 3 "Consulting hour" at 120.00 each
    Then the route answers with the invoice, "sent", for a total of 360
    And reading the invoice again shows it "sent"

  Scenario: An invoice request without products is refused before anything reaches COUNT
    When a CRM sends an invoice request without products
    Then the route fails naming the missing field "products"
    And the customer has no invoices
