# COUNT delivers only to a public https callback URL, which a test machine does not have; the mock COUNT also
# delivers to a loopback http URL, so these scenarios run against the mock only.
@mock-only
Feature: COUNT's webhooks reach a route once each
  A route receiving COUNT's webhooks subscribes its callback URL when it starts. COUNT may deliver an event
  twice, late, or again after the route failed on it; each change of the invoice is processed once all the same,
  and a delivery COUNT did not sign is refused.

  Background:
    Given a new customer "Webhook Wholesale"
    And a route receiving COUNT's "invoice.updated" webhooks
    And a draft invoice for 2 "Consulting hour" at 150.00 each

  @isolated
  Scenario: An event COUNT delivers twice is routed once
    Given COUNT delivers the next "invoice.updated" twice
    When I approve the invoice
    And COUNT has delivered everything due
    Then the route was handed the "approved" change 1 time and processed it 1 time
    And COUNT's attempts to deliver to the route were answered "200, 200"

  @isolated
  Scenario: Events COUNT delivers out of order are each routed once
    Given COUNT holds the next "invoice.updated" back until after the one that follows
    When I approve the invoice
    And COUNT has delivered everything due
    And I send the invoice
    And COUNT has delivered everything due
    Then the route processed the changes in the order "sent", "approved"
    And the route was handed the "approved" change 1 time and processed it 1 time
    And the route was handed the "sent" change 1 time and processed it 1 time
    And COUNT's attempts to deliver to the route were answered "200, 200"

  Scenario: A delivery not signed with the subscription's secret is refused and nothing is routed
    When someone posts a "invoice.updated" delivery for the invoice signed with another secret
    Then the forged delivery is refused with 401
    And the route was handed nothing of the invoice

  @isolated
  Scenario: A change the route failed on is retried by COUNT and then processed once
    Given the route fails the first time it is handed each change
    When I approve the invoice
    And COUNT has delivered everything due
    Then the route was handed the "approved" change 1 time and processed it 0 times
    When a minute passes, so COUNT retries what failed
    Then the route was handed the "approved" change 2 times and processed it 1 time
    And COUNT's attempts to deliver to the route were answered "500, 200"
