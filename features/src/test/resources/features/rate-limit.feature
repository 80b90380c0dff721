@mock-only
Feature: Rate limit
  COUNT allows a fixed number of requests a minute per client ID, all routes together. The component
  shares one limit between every route and thread of a client ID and waits for a permit, so no route
  ever sees COUNT refuse a request for going too fast.

  Scenario: 250 requests from three routes on five threads share one client ID without a refusal
    Given a COUNT that allows 20 requests a minute per client ID
    And three routes that read customers, products and tags, with the component set to the same limit
    When 5 threads send 250 requests through the routes together
    Then all 250 requests succeed, none refused for the rate limit
    And COUNT's clock moved at least 12 minutes, because the component waited for permits
    And COUNT refused at most 15 requests for going too fast, which the component retried
    And nobody waited for real
