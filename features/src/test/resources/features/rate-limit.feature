@mock-only
Feature: Rate limit
  COUNT allows a fixed number of requests a minute per client ID, all routes together. The component
  shares one limit between every route and thread of a client ID and waits for a permit, so no route
  ever sees COUNT refuse a request for going too fast.

  Scenario: 250 requests from three routes share one client ID without a refusal
    Given a COUNT that allows 20 requests a minute per client ID
    And three routes that read customers, products and tags, with the component set to the same limit
    When the three routes send 250 requests in turn
    Then all 250 requests succeed
    And COUNT refused none of them for going too fast
    And COUNT's clock moved at least 12 minutes, because the component waited for permits
    And nobody waited for real
